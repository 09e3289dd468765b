using System.Text.Json;
using Switchboard.Core.Events;
using Switchboard.Server.Auth;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Realtime;

/// <summary>
/// Who is watching a stream, and so which events and signals reach it: the team gets the full envelope of
/// every event of its workspace, except, for an operator, conversations outside their teams' scope (<see cref="Scope"/>,
/// issue 20); a visitor gets the public envelope of their own contact's events, and of the inbox-wide events of their
/// widget inbox (<c>inbox.updated</c>: the widget's public configuration). An event addressed to one member (a personal
/// canned reply) reaches that member's streams alone.
/// </summary>
public sealed record Audience(long WorkspaceId, long? ContactId, long? InboxId = null)
{
    /// <summary>The signed-in member watching (null for a visitor or an API key).</summary>
    public long? MemberId { get; init; }

    /// <summary>The watching member's role when the stream opened (null for a visitor or an API key).</summary>
    public string? Role { get; init; }

    /// <summary>The conversations a team viewer may see; an operator's starts as none until the stream reads it.</summary>
    public StreamScope Scope { get; init; } = StreamScope.All;

    public bool IsVisitor => ContactId is not null;

    public static Audience From(Caller caller) =>
        caller.IsVisitor ? new Audience(caller.WorkspaceId, caller.ContactId ?? throw new InvalidOperationException("A visitor without a contact."), caller.InboxId)
            : new Audience(caller.WorkspaceId, null)
            {
                MemberId = caller.MemberId, Role = caller.MemberId is null ? null : caller.Role,
                Scope = caller.TeamIds is null ? StreamScope.All : StreamScope.Nothing,
            };

    /// <summary>The envelope this viewer receives for <paramref name="e"/>, or null when they may not see it.</summary>
    public string? PayloadFor(StoredEvent e)
    {
        if (e.WorkspaceId != WorkspaceId) return null;
        if (e.MemberId is { } addressee) return ContactId is null && MemberId == addressee ? e.Payload : null;
        if (ContactId is null) return e.ConversationId is null || Scope.Sees(e.InboxId) ? e.Payload : null;
        if (e.ContactId is null) return e.InboxId is { } inbox && inbox == InboxId ? e.PublicPayload : null;
        return e.ContactId == ContactId ? e.PublicPayload : null;
    }

    /// <summary>
    /// True when <paramref name="e"/> may change which conversations this viewer sees (a team change, for an operator;
    /// a change of the watching member's own role, for anyone, so a demoted admin's open stream does not go
    /// on with an admin's view): the stream then ends with a <c>reset</c> at it, the client reloads its snapshot (now of
    /// the new scope) and a new stream reads the new scope. Over-approximate on purpose: these changes are rare, a
    /// missed one would leak.
    /// </summary>
    public bool ScopeChangedBy(StoredEvent e) =>
        e.WorkspaceId == WorkspaceId && ContactId is null
        && ((!Scope.SeesAll && EventTypes.ChangesScope(e.Type)) || (e.Type == EventTypes.MemberUpdated && OwnRoleChangedBy(e)));

    // member.updated is frequent (presence), so only its id and role are read, and only for a member's stream. A
    // deactivation is not a scope change: revocation ends those streams itself (close 1008 "revoked").
    bool OwnRoleChangedBy(StoredEvent e)
    {
        if (MemberId is not { } me) return false;
        using var envelope = JsonDocument.Parse(e.Payload);
        if (!envelope.RootElement.TryGetProperty("data", out var member) || member.ValueKind != JsonValueKind.Object) return false;
        if (!member.TryGetProperty("id", out var id) || !id.TryGetInt64(out var memberId) || memberId != me) return false;
        return member.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String && role.GetString() != Role;
    }

    public bool CanSee(EphemeralSignal signal) =>
        signal.WorkspaceId == WorkspaceId
        && (ContactId is null ? signal.ConversationId is null || Scope.Sees(signal.InboxId) : signal.ContactId == ContactId);
}
