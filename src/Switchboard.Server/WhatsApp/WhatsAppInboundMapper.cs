using System.Globalization;
using System.Text.Json;
using Switchboard.Core;
using Switchboard.Core.Text;
using Switchboard.Server.Attachments;
using Switchboard.Core.Messages;
using Switchboard.Server.Messages;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Turns an inbound Cloud API message into a Switchboard message: text as it is; an image, document, audio, video or
/// sticker as its caption (maybe empty) with the <see cref="InboundMedia"/> to download into an attachment; everything
/// else kept with its type, media id and raw details, and shown as text ("[location] name (lat, long)"). Nothing is
/// dropped: a type this code does not know becomes "[type]".
/// </summary>
public static class WhatsAppInboundMapper
{
    static readonly string[] MediaTypes = ["image", "video", "audio", "document", "sticker"];

    /// <summary>What the message says and is; <see cref="Media"/> when it carries a file to download.</summary>
    public sealed record Inbound(string Text, MessageContent Content, InboundMedia? Media = null);

    /// <summary>A file to fetch from the Graph API: its media id, the name to store it under, and the type Meta gave.</summary>
    public sealed record InboundMedia(string MediaId, string FileName, string? MimeType);

    public static Inbound Map(JsonElement message, string wamid)
    {
        var type = Str(message, "type") is { Length: > 0 and <= 30 } t && t.All(ch => ch is (>= 'a' and <= 'z') or '_') ? t : "unknown";
        var body = message.TryGetProperty(type, out var b) ? b : default;
        var details = body.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? body.GetRawText() : null;
        string text;
        string? mediaId = null;
        InboundMedia? media = null;
        switch (type)
        {
            case MessageKinds.Text:
                details = null;
                text = Str(body, "body") ?? "";
                break;
            case var kind when MediaTypes.Contains(kind):
                mediaId = Str(body, "id");
                if (mediaId is { Length: > 0 })
                {
                    // The file is the message; its caption (if any) is the text.
                    // "audio/ogg; codecs=opus": the parameters say nothing the sniffer will not find out.
                    var mime = Str(body, "mime_type")?.Split(';')[0].Trim().ToLowerInvariant();
                    media = new InboundMedia(mediaId, FileName(type, Str(body, "filename"), mime), mime);
                    text = Str(body, "caption") ?? "";
                }
                else text = Label(type, Str(body, "caption") ?? Str(body, "filename"));
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
        if (TextRules.IsBlank(text)) text = media is null ? Label(type, null) : "";
        if (text.Length > MessageText.MaxLength) text = text[..MessageText.MaxLength];
        return new Inbound(text, new MessageContent(type, mediaId, details, wamid), media);
    }

    /// <summary>
    /// A document's own name, cleaned as an upload's is; else (none, or one no upload could have) the type and the
    /// extension of its MIME type (<c>image.jpg</c>, <c>audio.ogg</c>). A name that would be refused must not make the
    /// webhook fail again and again.
    /// </summary>
    static string FileName(string type, string? fileName, string? mime)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(fileName)) return AttachmentNames.Clean(TextRules.Strip(fileName));
        }
        catch (DomainException)
        {
        }
        var extension = mime switch
        {
            "image/jpeg" => "jpg",
            "image/png" => "png",
            "image/webp" => "webp",
            "image/gif" => "gif",
            "audio/ogg" => "ogg",
            "audio/mpeg" => "mp3",
            "audio/mp4" => "m4a",
            "audio/aac" => "aac",
            "audio/amr" => "amr",
            "video/mp4" => "mp4",
            "video/3gpp" => "3gp",
            "application/pdf" => "pdf",
            "text/plain" => "txt",
            _ => type == "sticker" ? "webp" : "bin",
        };
        return $"{type}.{extension}";
    }

    static string Label(string type, string? extra) => string.IsNullOrWhiteSpace(extra) ? $"[{type}]" : $"[{type}] {extra.Trim()}";

    static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static string Num(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? v.ToString() : "?";
}
