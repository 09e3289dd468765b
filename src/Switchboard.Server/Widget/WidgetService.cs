using System.Security.Cryptography;
using Dapper;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Server.Auth;
using Switchboard.Server.Contacts;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Storage;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Widget;

/// <summary>Visitor sessions of the website widget and the visitor's conversation.</summary>
public sealed class WidgetService(Database database, EventLogWriter eventLog, CredentialStore credentials, TimeProvider clock)
{
    public async Task<WidgetSessionResponse> StartSessionAsync(CreateWidgetSessionRequest request, Caller? resumed, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.InboxToken) || request.InboxToken.Length > 100)
            throw new DomainException("inbox_token_invalid", "inboxToken is required.", DomainErrorKind.Invalid);
        var name = Optional(request.Name, 100, "name");
        var email = Optional(request.Email, 254, "email");
        var inbox = await database.ReadAsync((c, tx) => InboxStore.FindByTokenAsync(c, tx, request.InboxToken, InboxChannels.Widget, cancellationToken), cancellationToken)
            ?? throw new DomainException("inbox_not_found", "No widget inbox has this token.", DomainErrorKind.NotFound);

        long contactId;
        long? conversationId;
        if (resumed is { IsVisitor: true } && resumed.WorkspaceId == inbox.WorkspaceId && resumed.InboxId == inbox.Id)
        {
            contactId = resumed.ContactId!.Value;
            conversationId = await database.WriteGlobalAsync(async (c, tx) =>
            {
                if (name is not null || email is not null)
                    await ContactStore.UpdateProfileAsync(c, tx, contactId, name, email, clock.GetUtcNow(), cancellationToken);
                return await ConversationStore.LatestIdAsync(c, tx, inbox.Id, contactId, cancellationToken);
            }, cancellationToken);
        }
        else
        {
            contactId = await database.WriteGlobalAsync((c, tx) => ContactStore.CreateVisitorAsync(c, tx, inbox.WorkspaceId, name, email, clock.GetUtcNow(), cancellationToken), cancellationToken);
            conversationId = null;
        }

        var secret = await credentials.VisitorSecretAsync(inbox.WorkspaceId, cancellationToken) ?? throw new InvalidOperationException("Workspace without a secret.");
        var expiresAt = clock.GetUtcNow() + VisitorTokens.Lifetime;
        var token = VisitorTokens.Issue(new VisitorTokens.Claims(inbox.WorkspaceId, inbox.Id, contactId, expiresAt.ToUnixTimeMilliseconds()), secret);
        return new WidgetSessionResponse(token, contactId, conversationId, expiresAt, inbox.WorkspaceId, inbox.Id);
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

    static string? Optional(string? value, int max, string field)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > max) throw new DomainException($"{field}_invalid", $"{field} must be at most {max} characters.", DomainErrorKind.Invalid);
        return v;
    }
}
