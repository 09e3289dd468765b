using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Server.Hosting;
using Switchboard.Server.Messages;

namespace Switchboard.Server.WhatsApp;

/// <summary>The Cloud API request body for an outbound message: free-form text, or a template with its body parameters.</summary>
public static class WhatsAppOutbound
{
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
        else
        {
            body["type"] = "text";
            body["text"] = new JsonObject { ["preview_url"] = false, ["body"] = message.Text };
        }
        return body;
    }
}
