using System.Globalization;
using System.Text.Json;
using Switchboard.Core.Text;
using Switchboard.Core.Messages;
using Switchboard.Server.Messages;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Turns an inbound Cloud API message into a Switchboard message: text as it is, everything else kept with its type,
/// media id and raw details, and shown as text ("[image] caption", "[location] name (lat, long)"). Nothing is dropped:
/// a type this code does not know becomes "[type]".
/// </summary>
public static class WhatsAppInboundMapper
{
    static readonly string[] MediaTypes = ["image", "video", "audio", "document", "sticker"];

    public sealed record Inbound(string Text, MessageContent Content);

    public static Inbound Map(JsonElement message, string wamid)
    {
        var type = Str(message, "type") is { Length: > 0 and <= 30 } t && t.All(ch => ch is (>= 'a' and <= 'z') or '_') ? t : "unknown";
        var body = message.TryGetProperty(type, out var b) ? b : default;
        var details = body.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? body.GetRawText() : null;
        string text;
        string? mediaId = null;
        switch (type)
        {
            case MessageKinds.Text:
                details = null;
                text = Str(body, "body") ?? "";
                break;
            case var media when MediaTypes.Contains(media):
                mediaId = Str(body, "id");
                text = Label(type, Str(body, "caption") ?? Str(body, "filename"));
                break;
            case "location":
                var coordinates = string.Create(CultureInfo.InvariantCulture, $"({Num(body, "latitude")}, {Num(body, "longitude")})");
                text = Label(type, string.Join(" ", new[] { Str(body, "name"), Str(body, "address"), coordinates }.Where(p => !string.IsNullOrWhiteSpace(p))));
                break;
            case "contacts":
                var names = body.ValueKind == JsonValueKind.Array
                    ? body.EnumerateArray().Select(c => c.TryGetProperty("name", out var n) ? Str(n, "formatted_name") : null).Where(n => n is not null)
                    : [];
                text = Label(type, string.Join(", ", names));
                break;
            case "reaction":
                var emoji = Str(body, "emoji");
                text = string.IsNullOrEmpty(emoji) ? "[reaction removed]" : Label(type, emoji);
                break;
            case "interactive":
                // A tap on a button or a list row: the customer's answer is its title, or the whole quick reply we sent.
                var reply = body.TryGetProperty(Str(body, "type") ?? "", out var r) ? r : default;
                text = Str(reply, "id") is { } id && id.StartsWith(WhatsAppOutbound.QuickReplyIdPrefix, StringComparison.Ordinal)
                    ? id[WhatsAppOutbound.QuickReplyIdPrefix.Length..]
                    : Str(reply, "title") ?? Label(type, null);
                break;
            case "button":
                text = Str(body, "text") ?? Label(type, null);
                break;
            default:
                var error = message.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                    ? Str(errors[0], "title") : null;
                text = Label(type, error);
                break;
        }
        // The customer cannot be asked to send it again: characters no database should store are dropped, not refused.
        text = TextRules.Strip(text).Trim();
        if (TextRules.IsBlank(text)) text = Label(type, null);
        if (text.Length > MessageText.MaxLength) text = text[..MessageText.MaxLength];
        return new Inbound(text, new MessageContent(type, mediaId, details, wamid));
    }

    static string Label(string type, string? extra) => string.IsNullOrWhiteSpace(extra) ? $"[{type}]" : $"[{type}] {extra.Trim()}";

    static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static string Num(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? v.ToString() : "?";
}
