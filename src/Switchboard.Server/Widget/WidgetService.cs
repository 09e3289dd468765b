using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Contacts;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Storage;
using Switchboard.Server.Widget.Identity;
using Switchboard.Server.Widget.Settings;

namespace Switchboard.Server.Widget;

/// <summary>Visitor sessions of the website widget, anonymous or verified, and the visitor's conversation.</summary>
public sealed class WidgetService(Database database, EventLogWriter eventLog, CredentialStore credentials, WidgetInboxCache inboxes, IdentityVerifier identities,
    TimeProvider clock)
{
    /// <summary>The widget inbox of a public token, or <c>404 inbox_not_found</c>.</summary>
    public async Task<WidgetInbox> InboxAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
            throw new DomainException("inbox_token_invalid", "inboxToken is required.", DomainErrorKind.Invalid);
        return await inboxes.ByTokenAsync(token, cancellationToken)
            ?? throw new DomainException("inbox_not_found", "No widget inbox has this token.", DomainErrorKind.NotFound);
    }

    public async Task<WidgetSessionResponse> StartSessionAsync(WidgetInbox inbox, CreateWidgetSessionRequest request, Caller? resumed, CancellationToken cancellationToken)
    {
        var name = Optional(request.Name, 100, "name");
        var email = Optional(request.Email, 254, "email");
        // Checked before anything is written: a forged or missing identity creates nothing.
        var identity = await identities.VerifyAsync(inbox, request.Identity, cancellationToken);
        var resumes = resumed is { IsVisitor: true } && resumed.WorkspaceId == inbox.WorkspaceId && resumed.InboxId == inbox.Id;
        if (identity is not null)
        {
            var (contactId, conversationId) = await database.WriteGlobalAsync(async (c, tx) =>
            {
                var id = await identities.FindOrCreateContactAsync(c, tx, inbox.WorkspaceId, identity, cancellationToken);
                return (id, await ConversationStore.LatestIdAsync(c, tx, inbox.Id, id, cancellationToken));
            }, cancellationToken);
            return await IssueAsync(inbox, contactId, conversationId, verified: true, cancellationToken);
        }
        if (resumes)
        {
            // A session of a contact merged into another resumes as the kept contact (docs/api.md, "Merge").
            var contactId = await database.ReadAsync((c, tx) => ContactStore.CurrentIdAsync(c, tx, resumed!.ContactId!.Value, cancellationToken), cancellationToken);
            var verified = await database.ReadAsync((c, tx) => ContactStore.IsVerifiedAsync(c, tx, contactId, cancellationToken), cancellationToken);
            IdentityVerifier.EnsureAllowed(inbox, verified);
            var conversationId = await database.WriteGlobalAsync(async (c, tx) =>
            {
                if (name is not null || email is not null)
                    await ContactStore.UpdateProfileAsync(c, tx, contactId, name, email, clock.GetUtcNow(), cancellationToken);
                return await ConversationStore.LatestIdAsync(c, tx, inbox.Id, contactId, cancellationToken);
            }, cancellationToken);
            return await IssueAsync(inbox, contactId, conversationId, verified, cancellationToken);
        }
        IdentityVerifier.EnsureAllowed(inbox, verified: false);
        var created = await database.WriteGlobalAsync((c, tx) => ContactStore.CreateVisitorAsync(c, tx, inbox.WorkspaceId, name, email, clock.GetUtcNow(), cancellationToken), cancellationToken);
        return await IssueAsync(inbox, created, null, verified: false, cancellationToken);
    }

    /// <summary>
    /// Identify after the fact: the visitor becomes the verified contact. Their anonymous conversation moves to that
    /// contact when the contact has no conversation in this inbox yet; otherwise the verified contact's history wins
    /// and the anonymous conversation stays where it is (the team still sees it under the anonymous contact).
    /// </summary>
    public async Task<WidgetSessionResponse> IdentifyAsync(Caller visitor, WidgetIdentityRequest? request, CancellationToken cancellationToken)
    {
        var inbox = await inboxes.ByIdAsync(visitor.InboxId!.Value, cancellationToken)
            ?? throw new DomainException("inbox_not_found", "This session's inbox no longer exists.", DomainErrorKind.NotFound);
        var identity = await identities.VerifyAsync(inbox, request ?? throw IdentityVerifier.Missing(), cancellationToken) ?? throw IdentityVerifier.Missing();
        var (contactId, conversationId) = await eventLog.WriteAsync(visitor.WorkspaceId, async w =>
        {
            var id = await identities.FindOrCreateContactAsync(w.Connection, w.Transaction, w.WorkspaceId, identity, w.CancellationToken);
            var theirs = await ConversationStore.LatestIdAsync(w.Connection, w.Transaction, inbox.Id, id, w.CancellationToken);
            var anonymous = await ConversationStore.LatestIdAsync(w.Connection, w.Transaction, inbox.Id, visitor.ContactId!.Value, w.CancellationToken);
            if (id == visitor.ContactId || theirs is not null || anonymous is null) return (id, theirs ?? anonymous);
            var record = (await ConversationStore.FindAsync(w, anonymous.Value))!;
            var before = record.Conversation;
            var moved = before with { ContactId = id, Version = before.Version + 1, UpdatedAt = w.Now };
            await ConversationStore.UpdateAsync(w, before, moved);
            await ConversationWriter.AppendEventAsync(w, (await ConversationStore.FindAsync(w, before.Id))!, Core.Conversations.ConversationChange.ContactIdentified, visitor.Actor);
            return (id, (long?)before.Id);
        }, cancellationToken);
        return await IssueAsync(inbox, contactId, conversationId, verified: true, cancellationToken);
    }

    /// <summary>The visitor's latest conversation in this inbox, created on first use. Resolved ones reopen when the visitor writes.</summary>
    public Task<ConversationWriteResponse> GetOrStartConversationAsync(Caller visitor, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(visitor.WorkspaceId, async w =>
        {
            var existing = await ConversationStore.LatestIdAsync(w.Connection, w.Transaction, visitor.InboxId!.Value, visitor.ContactId!.Value, w.CancellationToken);
            if (existing is { } id)
                return new ConversationWriteResponse(ConversationViews.ForVisitor((await ConversationStore.FindAsync(w, id))!), w.LastSeq, Replayed: true);
            var record = await ConversationWriter.StartAsync(w, visitor.InboxId!.Value, visitor.ContactId!.Value, visitor.Actor);
            return new ConversationWriteResponse(ConversationViews.ForVisitor(record), w.LastSeq, Replayed: false);
        }, cancellationToken);

    async Task<WidgetSessionResponse> IssueAsync(WidgetInbox inbox, long contactId, long? conversationId, bool verified, CancellationToken cancellationToken)
    {
        var secret = await credentials.VisitorSecretAsync(inbox.WorkspaceId, cancellationToken) ?? throw new InvalidOperationException("Workspace without a secret.");
        var expiresAt = clock.GetUtcNow() + VisitorTokens.Lifetime;
        var token = VisitorTokens.Issue(new VisitorTokens.Claims(inbox.WorkspaceId, inbox.Id, contactId, expiresAt.ToUnixTimeMilliseconds()), secret);
        return new WidgetSessionResponse(token, contactId, conversationId, expiresAt, inbox.WorkspaceId, inbox.Id, verified);
    }

    public static string? Optional(string? value, int max, string field)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > max) throw new DomainException($"{field}_invalid", $"{field} must be at most {max} characters.", DomainErrorKind.Invalid);
        return v;
    }
}
