using System.Text.Json.Serialization;
using Switchboard.Core.Messages;
using Switchboard.Server.Conversations;

namespace Switchboard.Server.Messages;

/// <summary>
/// A message as every client sees it (visitors never receive notes). <c>kind</c> is <c>text</c> unless a channel
/// delivered something else (an image, a location, a WhatsApp template): a media message's file is in <c>attachments</c>
/// and its caption is the <c>text</c>; other kinds describe themselves in <c>text</c> ("[location] …"), and
/// <c>mediaId</c> is the channel's id of the attachment. A <c>quick_replies</c> message
/// (the bot asking which of several things the customer means) carries <c>quickReplies</c>: each is sent back as the
/// customer's text when tapped.
/// </summary>
public sealed record MessageResponse(
    long Id,
    long ConversationId,
    long Ordinal,
    string ClientMessageId,
    SenderRole SenderRole,
    long? SenderId,
    string? SenderName,
    string Text,
    bool IsNote,
    DeliveryStatus Status,
    string? Error,
    long Seq,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Kind = MessageKinds.Text,
    string? MediaId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? QuickReplies = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Attachments.AttachmentResponse>? Attachments = null);

/// <summary>
/// Send a message. <c>clientMessageId</c> makes retries safe; <c>seenSeq</c> is the highest seq the sender's
/// client had applied (operators), so a reply racing a new customer message is detected. A signed-in member
/// replying in a conversation a colleague owns gets 409 <c>conversation_owned_by_other</c> unless
/// <c>replyAnyway</c> is true (the colleague stays the owner). <c>attachmentIds</c>: the clientAttachmentIds of files
/// uploaded to this conversation first (at most 10); <c>text</c> may then be empty.
/// </summary>
public sealed record PostMessageRequest(string? ClientMessageId, string? Text, long? SeenSeq, bool? IsNote, bool? ReplyAnyway = null,
    IReadOnlyList<string>? AttachmentIds = null);

/// <summary>
/// The stored message, the conversation after it, and the event's seq. <c>customerWroteMeanwhile</c> says the
/// customer wrote after <c>seenSeq</c>, so the operator stays assigned; <c>replayed</c> marks an answer to a retry.
/// </summary>
public sealed record PostMessageResponse(MessageResponse Message, ConversationResponse Conversation, long Seq, bool CustomerWroteMeanwhile, bool Replayed);

/// <summary>A page of messages in conversation order, and the cursor the page is consistent with.</summary>
public sealed record MessagePageResponse(IReadOnlyList<MessageResponse> Items, bool HasMore, long Cursor);

/// <summary>
/// A receipt: the caller has <c>delivered</c> or <c>read</c> everything the other side wrote up to and including
/// <c>upToMessageId</c>. Statuses only move forward; a stale receipt changes nothing.
/// </summary>
public sealed record ReceiptRequest(string? Status, long? UpToMessageId);

/// <summary>The data of <c>message.created</c> and <c>message.status</c>: the message, and the conversation after it when it changed.</summary>
public sealed record MessageEventData(MessageResponse Message, ConversationResponse? Conversation);
