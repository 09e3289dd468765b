using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Server.Csat;

/// <summary>
/// CSAT on WhatsApp: the rating request is an interactive message with three reply buttons (WhatsApp allows three),
/// mapped onto the 1–5 scale as Good = 5, Okay = 3, Bad = 1. Each button's id names the request and the score
/// (<c>csat:{requestId}:{rating}</c>), so a tap records exactly that rating, however late or repeated.
/// </summary>
public static class CsatWhatsApp
{
    public const string AskJobKind = "csat.whatsapp_ask";
    public const string ButtonIdPrefix = "csat:";
    public const string Question = "How would you rate this conversation?";

    /// <summary>The buttons, best first: their titles (at most 20 characters) and the ratings they stand for.</summary>
    public static readonly IReadOnlyList<(string Title, int Rating)> Buttons = [("Good", 5), ("Okay", 3), ("Bad", 1)];

    /// <summary>The Cloud API body of the rating request to <paramref name="to"/> (a wa_id).</summary>
    public static JsonObject Body(long requestId, string to) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["recipient_type"] = "individual",
        ["to"] = to,
        ["type"] = "interactive",
        ["interactive"] = new JsonObject
        {
            ["type"] = "button",
            ["body"] = new JsonObject { ["text"] = Question },
            ["action"] = new JsonObject
            {
                ["buttons"] = new JsonArray(Buttons.Select(b => (JsonNode)new JsonObject
                {
                    ["type"] = "reply",
                    ["reply"] = new JsonObject { ["id"] = string.Create(CultureInfo.InvariantCulture, $"{ButtonIdPrefix}{requestId}:{b.Rating}"), ["title"] = b.Title },
                }).ToArray()),
            },
        },
    };

    /// <summary>The request and rating an inbound button reply carries, or null when the message is no rating.</summary>
    public static (long RequestId, int Rating)? ReadReply(JsonElement message)
    {
        if (!message.TryGetProperty("interactive", out var interactive) || interactive.ValueKind != JsonValueKind.Object
            || !interactive.TryGetProperty("button_reply", out var reply) || reply.ValueKind != JsonValueKind.Object
            || !reply.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String) return null;
        var id = idElement.GetString()!;
        if (!id.StartsWith(ButtonIdPrefix, StringComparison.Ordinal)) return null;
        var parts = id[ButtonIdPrefix.Length..].Split(':');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var requestId) && requestId > 0
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var rating) && Buttons.Any(b => b.Rating == rating)
            ? (requestId, rating) : null;
    }
}

/// <summary>The payload of a <c>csat.whatsapp_ask</c> job: the request to send.</summary>
public sealed record CsatAskJob(long RequestId);
