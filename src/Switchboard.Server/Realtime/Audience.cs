using Switchboard.Server.Auth;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Realtime;

/// <summary>
/// Who is watching a stream, and so which events and signals reach it: the team gets the full envelope of
/// every event of its workspace; a visitor gets the public envelope of their own contact's events, and of the
/// inbox-wide events of their widget inbox (<c>inbox.updated</c>: the widget's public configuration).
/// </summary>
public sealed record Audience(long WorkspaceId, long? ContactId, long? InboxId = null)
{
    public bool IsVisitor => ContactId is not null;

    public static Audience From(Caller caller) =>
        caller.IsVisitor ? new Audience(caller.WorkspaceId, caller.ContactId ?? throw new InvalidOperationException("A visitor without a contact."), caller.InboxId)
            : new Audience(caller.WorkspaceId, null);

    /// <summary>The envelope this viewer receives for <paramref name="e"/>, or null when they may not see it.</summary>
    public string? PayloadFor(StoredEvent e)
    {
        if (e.WorkspaceId != WorkspaceId) return null;
        if (ContactId is null) return e.Payload;
        if (e.ContactId is null) return e.InboxId is { } inbox && inbox == InboxId ? e.PublicPayload : null;
        return e.ContactId == ContactId ? e.PublicPayload : null;
    }

    public bool CanSee(EphemeralSignal signal) =>
        signal.WorkspaceId == WorkspaceId && (ContactId is null || signal.ContactId == ContactId);
}
