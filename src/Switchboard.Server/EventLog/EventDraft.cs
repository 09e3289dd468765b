namespace Switchboard.Server.EventLog;

/// <summary>
/// An event about to be appended. <see cref="Data"/> is the team's view of the entity;
/// <see cref="PublicData"/> is what the conversation's contact may see, or null when the event is team-only.
/// </summary>
public sealed record EventDraft(
    string Type,
    long? ConversationId,
    long? ContactId,
    object Data,
    object? PublicData,
    long Version,
    Actor Actor,
    string? MutationId = null,
    string? ClientMessageId = null);
