using Switchboard.Server.Auth;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Realtime;

/// <summary>
/// Who is watching a stream, and so which events and signals reach it: the team gets the full envelope of
/// every event of its workspace; a visitor gets the public envelope of their own contact's events, and of the
/// inbox-wide events of their widget inbox (<c>inbox.updated</c>: the widget's public configuration). An event
/// addressed to one member (a personal canned reply) reaches that member's streams alone.
/// </summary>
public sealed record Audience(long WorkspaceId, long? ContactId, long? InboxId = null)
{
    /// <summary>The signed-in member watching (null for a visitor or an API key).</summary>
    public long? MemberId { get; init; }

    public bool IsVisitor => ContactId is not null;

    public static Audience From(Caller caller) =>
        caller.IsVisitor ? new Audience(caller.WorkspaceId, caller.ContactId ?? throw new InvalidOperationException("A visitor without a contact."), caller.InboxId)
            : new Audience(caller.WorkspaceId, null) { MemberId = caller.MemberId };

    /// <summary>The envelope this viewer receives for <paramref name="e"/>, or null when they may not see it.</summary>
    public string? PayloadFor(StoredEvent e)
    {
        if (e.WorkspaceId != WorkspaceId) return null;
        if (e.MemberId is { } addressee) return ContactId is null && MemberId == addressee ? e.Payload : null;
        if (ContactId is null) return e.Payload;
        if (e.ContactId is null) return e.InboxId is { } inbox && inbox == InboxId ? e.PublicPayload : null;
        return e.ContactId == ContactId ? e.PublicPayload : null;
    }

    public bool CanSee(EphemeralSignal signal) =>
        signal.WorkspaceId == WorkspaceId && (ContactId is null || signal.ContactId == ContactId);
}
