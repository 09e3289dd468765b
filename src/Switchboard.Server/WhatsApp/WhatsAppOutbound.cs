using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Server.Hosting;
using Switchboard.Server.Messages;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// The Cloud API request body for an outbound message: free-form text, a template with its body parameters, or
/// quick replies as interactive reply buttons.
/// </summary>
public static class WhatsAppOutbound
{
    /// <summary>
    /// Starts the id of a quick-reply button. WhatsApp cuts a button's title to 20 characters, so the whole option
    /// travels in the id (up to 256) and comes back as the customer's text (<see cref="WhatsAppInboundMapper"/>).
    /// </summary>
    public const string QuickReplyIdPrefix = "qr:";

    public static JsonObject Body(MessageRow message, string to)
    {
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = to,
        };
        if (message.Kind == MessageKinds.Template && message.Details is { } details)
        {
            var template = JsonSerializer.Deserialize<WhatsAppTemplate>(details, JsonDefaults.Options)
                ?? throw new InvalidOperationException($"Message {message.Id} is a template without its details.");
            var spec = new JsonObject { ["name"] = template.Name, ["language"] = new JsonObject { ["code"] = template.Language } };
            if (template.Parameters.Count > 0)
                spec["components"] = new JsonArray(new JsonObject
                {
                    ["type"] = "body",
                    ["parameters"] = new JsonArray(template.Parameters.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p }).ToArray()),
                });
            body["type"] = "template";
            body["template"] = spec;
        }
        else if (message.Kind == MessageKinds.QuickReplies && message.Details is { } options)
        {
            var buttons = QuickRepliesDetails.Parse(options).Options.Take(3).Select(o => (JsonNode)new JsonObject
            {
                ["type"] = "reply",
                ["reply"] = new JsonObject { ["id"] = Clip(QuickReplyIdPrefix + o, 256), ["title"] = Clip(o, 20) },
            });
            body["type"] = "interactive";
            body["interactive"] = new JsonObject
            {
                ["type"] = "button",
                ["body"] = new JsonObject { ["text"] = Clip(message.Text, 1024) },
                ["action"] = new JsonObject { ["buttons"] = new JsonArray(buttons.ToArray()) },
            };
        }
        else
        {
            body["type"] = "text";
            body["text"] = new JsonObject { ["preview_url"] = false, ["body"] = message.Text };
        }
        return body;
    }

    static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
