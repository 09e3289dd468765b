using System.IO.Pipelines;
using System.Text.Json;
using Switchboard.Server.Hosting;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Transcripts;

/// <summary>
/// The JSON transcript: the conversation and each message in exactly the shapes the API returns them
/// (<c>ConversationResponse</c>, <c>MessageResponse</c>), written as it is read, so a conversation of any length
/// is never held in memory whole. It writes into the response's pipe: the serializer flushes its writer
/// synchronously, which a pipe takes without blocking I/O (a stream would not), and the pipe is flushed to the
/// client every hundred messages.
/// </summary>
public static class TranscriptJson
{
    public const string Format = "switchboard.transcript/1";

    public static async Task WriteAsync(PipeWriter body, TranscriptHead head, IAsyncEnumerable<TranscriptMessage> messages, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("exportedAt", head.ExportedAt);
        json.WritePropertyName("conversation");
        JsonSerializer.Serialize(json, head.Conversation, JsonDefaults.Options);
        json.WritePropertyName("inbox");
        if (head.Inbox is { } inbox)
        {
            json.WriteStartObject();
            json.WriteNumber("id", inbox.Id);
            json.WriteString("name", inbox.Name);
            json.WriteString("channel", inbox.Channel);
            json.WriteEndObject();
        }
        else json.WriteNullValue();
        json.WriteString("assigneeName", head.AssigneeName);
        json.WriteStartArray("messages");
        var count = 0;
        await foreach (var m in messages.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(json, m.Message.ToResponse(m.Attachments.Count == 0 ? null : m.Attachments), JsonDefaults.Options);
            if (++count % 100 == 0)
            {
                json.Flush();
                await body.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        json.WriteNumber("messageCount", count);
        json.WriteEndObject();
        json.Flush();
        await body.FlushAsync(cancellationToken);
    }
}
