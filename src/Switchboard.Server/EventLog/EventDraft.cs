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
    string? ClientMessageId = null)
{
    /// <summary>
    /// Set on an inbox-wide event with no contact (<c>inbox.updated</c>): its public copy then reaches every visitor of
    /// that inbox, not one contact.
    /// </summary>
    public long? InboxId { get; init; }

    /// <summary>
    /// Set on an event only one member may receive (a personal canned reply's change): no other member, key or visitor
    /// gets it. Null: the whole team.
    /// </summary>
    public long? MemberId { get; init; }
}
