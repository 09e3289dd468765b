namespace Switchboard.Server.EventLog;

/// <summary>The JSON shape of a durable event on every transport and in the log (docs/protocol.md).</summary>
public sealed record EventEnvelope(
    long Seq,
    string Type,
    long? ConversationId,
    long Version,
    string? MutationId,
    string? ClientMessageId,
    Actor Actor,
    DateTimeOffset CreatedAt,
    object Data);
