using Switchboard.Core.Messages;
using Switchboard.Server.Common;

namespace Switchboard.Server.Messages;

/// <summary>A <c>messages</c> row as stored.</summary>
public sealed class MessageRow
{
    public const string Columns = """
        id, workspace_id, conversation_id, ordinal, client_message_id, sender_role, sender_id, sender_name, text, is_note,
        status, error, handled_by_operator_id, seq, version, created_at, updated_at, kind, media_id, details, external_id
        """;

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public long ConversationId { get; set; }
    public long Ordinal { get; set; }
    public string ClientMessageId { get; set; } = "";
    public string SenderRole { get; set; } = "";
    public long? SenderId { get; set; }
    public string? SenderName { get; set; }
    public string Text { get; set; } = "";
    public bool IsNote { get; set; }
    public string Status { get; set; } = "";
    public string? Error { get; set; }
    public long? HandledByOperatorId { get; set; }
    /// <summary>Seq of the <c>message.created</c> event that stored the message.</summary>
    public long Seq { get; set; }
    public long Version { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public string Kind { get; set; } = MessageKinds.Text;
    public string? MediaId { get; set; }
    /// <summary>JSON details of a non-text message (see <see cref="MessageContent"/>); never sent to clients as is.</summary>
    public string? Details { get; set; }
    /// <summary>The channel's id for the message (a WhatsApp wamid), once the channel has one.</summary>
    public string? ExternalId { get; set; }

    /// <param name="attachments">The message's attachments (null or empty: none, and the field is left out).</param>
    public MessageResponse ToResponse(IReadOnlyList<Attachments.AttachmentResponse>? attachments = null) => new(
        Id, ConversationId, Ordinal, ClientMessageId, EnumText.Parse<SenderRole>(SenderRole), SenderId, SenderName, Text, IsNote,
        EnumText.Parse<DeliveryStatus>(Status), Error, Seq, Version, Time.FromMs(CreatedAt), Time.FromMs(UpdatedAt), Kind, MediaId,
        Kind == MessageKinds.QuickReplies && Details is not null ? QuickRepliesDetails.Parse(Details).Options : null,
        attachments is { Count: > 0 } ? attachments : null);
}
