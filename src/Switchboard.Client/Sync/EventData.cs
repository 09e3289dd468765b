using System.Text.Json;
using Switchboard.Client.Models;

namespace Switchboard.Client.Sync;

/// <summary>The entities an event carries, read and checked at the wire boundary.</summary>
sealed record EventData(MessageDto? Message, ConversationDto? Conversation, MemberDto? Member)
{
    /// <summary>The label of <c>label.updated</c>.</summary>
    public LabelDto? Label { get; init; }
    /// <summary>The label <c>label.deleted</c> removed.</summary>
    public long? DeletedLabelId { get; init; }

    /// <summary>The event's entities, or null when any part is unreadable (the event's data is then skipped whole).</summary>
    public static EventData? Read(StreamEvent e)
    {
        if (e.Data.ValueKind != JsonValueKind.Object) return null;
        try
        {
            if (e.Type == "member.updated")
                return e.Data.Deserialize<MemberDto>(SyncJson.Options) is { Id: > 0 } member ? new EventData(null, null, member) : null;
            if (e.Type == "label.updated")
                return e.Data.Deserialize<LabelDto>(SyncJson.Options) is { Id: > 0 } label ? new EventData(null, null, null) { Label = label } : null;
            if (e.Type == "label.deleted")
                return e.Data.Deserialize<LabelDeletedDto>(SyncJson.Options) is { Id: > 0 } deleted ? new EventData(null, null, null) { DeletedLabelId = deleted.Id } : null;
            MessageDto? message = null;
            ConversationDto? conversation = null;
            if (e.Data.TryGetProperty("message", out var m) && m.ValueKind != JsonValueKind.Null)
            {
                message = ReadMessage(m);
                if (message is null) return null;
            }
            if (e.Data.TryGetProperty("conversation", out var c) && c.ValueKind != JsonValueKind.Null)
            {
                conversation = c.ValueKind == JsonValueKind.Object ? c.Deserialize<ConversationDto>(SyncJson.Options) : null;
                if (conversation is null || conversation.Id <= 0) return null;
            }
            return new EventData(message, conversation, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A message with the fields the store keys on, or null.</summary>
    public static MessageDto? ReadMessage(JsonElement m)
    {
        if (m.ValueKind != JsonValueKind.Object) return null;
        try
        {
            var message = m.Deserialize<MessageDto>(SyncJson.Options);
            return message is { ConversationId: > 0 } && !string.IsNullOrEmpty(message.ClientMessageId) && message.Status is not null ? message : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or ArgumentException or FormatException)
        {
            return null;
        }
    }
}
