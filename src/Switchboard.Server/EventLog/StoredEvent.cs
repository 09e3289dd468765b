namespace Switchboard.Server.EventLog;

/// <summary>
/// A committed event as the streams deliver it. Both payloads are complete, already serialized JSON
/// envelopes (seq included), so fan-out writes them without serializing again.
/// </summary>
public sealed record StoredEvent(
    long WorkspaceId,
    long Seq,
    string Type,
    long? ConversationId,
    long? ContactId,
    string Payload,
    string? PublicPayload,
    long CreatedAtMs,
    long? InboxId = null,
    long? MemberId = null);
