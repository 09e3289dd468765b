using Switchboard.Server.EventLog;


namespace Switchboard.Server.Realtime;

/// <summary>
/// A live-only signal of one workspace. The team always receives it; the visitor whose contact is
/// <see cref="ContactId"/> receives it too (null: team only). <see cref="Data"/> must therefore hold nothing
/// the visitor may not see when <see cref="ContactId"/> is set.
/// </summary>
public sealed record EphemeralSignal(long WorkspaceId, string Type, long? ConversationId, long? ContactId, Actor? Actor, object? Data)
{
    /// <summary>The connection that sent it (typing), which does not get its own signal back.</summary>
    public string? OriginConnectionId { get; init; }

    /// <summary>
    /// The conversation's inbox (set with <see cref="ConversationId"/>): operators outside its team do not get the signal
    /// (issue 20, teams). A conversation's signal without it reaches only viewers who see every conversation.
    /// </summary>
    public long? InboxId { get; init; }
}
