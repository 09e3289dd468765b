using System.Security.Cryptography;
using Dapper;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Storage;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Widget;

/// <summary>Visitor sessions of the website widget and the visitor's conversation.</summary>
public sealed class WidgetService(Database database, CredentialStore credentials, TimeProvider clock)
{
    public async Task<WidgetSessionResponse> StartSessionAsync(CreateWidgetSessionRequest request, Caller? resumed, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.InboxToken) || request.InboxToken.Length > 100)
            throw new DomainException("inbox_token_invalid", "inboxToken is required.", DomainErrorKind.Invalid);
        var name = Optional(request.Name, 100, "name");
        var email = Optional(request.Email, 254, "email");
        var inbox = await database.ReadAsync((c, tx) => c.QuerySingleOrDefaultAsync<InboxKey>(
            "SELECT id AS Id, workspace_id AS WorkspaceId FROM inboxes WHERE public_token = @token AND channel = @channel",
            new { token = request.InboxToken, channel = InboxesApi.WidgetChannel }, tx), cancellationToken)
            ?? throw new DomainException("inbox_not_found", "No widget inbox has this token.", DomainErrorKind.NotFound);

        long contactId;
        long? conversationId;
        if (resumed is { IsVisitor: true } && resumed.WorkspaceId == inbox.WorkspaceId && resumed.InboxId == inbox.Id)
        {
            contactId = resumed.ContactId!.Value;
            conversationId = await database.WriteGlobalAsync(async (c, tx) =>
            {
                if (name is not null || email is not null)
                    await c.ExecuteAsync("UPDATE contacts SET name = COALESCE(@name, name), email = COALESCE(@email, email), updated_at = @now WHERE id = @contactId",
                        new { name, email, contactId, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx);
                return await LatestConversationAsync(c, tx, inbox.Id, contactId);
            }, cancellationToken);
        }
        else
        {
            contactId = await database.WriteGlobalAsync((c, tx) => CreateContactAsync(c, tx, inbox.WorkspaceId, name, email, clock.GetUtcNow()), cancellationToken);
            conversationId = null;
        }

        var secret = await credentials.VisitorSecretAsync(inbox.WorkspaceId, cancellationToken) ?? throw new InvalidOperationException("Workspace without a secret.");
        var expiresAt = clock.GetUtcNow() + VisitorTokens.Lifetime;
        var token = VisitorTokens.Issue(new VisitorTokens.Claims(inbox.WorkspaceId, inbox.Id, contactId, expiresAt.ToUnixTimeMilliseconds()), secret);
        return new WidgetSessionResponse(token, contactId, conversationId, expiresAt, inbox.WorkspaceId, inbox.Id);
    }

    /// <summary>The visitor's latest conversation in this inbox, created on first use. Resolved ones reopen when the visitor writes.</summary>
    public Task<ConversationWriteResponse> GetOrStartConversationAsync(Caller visitor, CancellationToken cancellationToken) =>
        database.WriteAsync(visitor.WorkspaceId, async w =>
        {
            var existing = await LatestConversationAsync(w.Connection, w.Transaction, visitor.InboxId!.Value, visitor.ContactId!.Value);
            if (existing is { } id)
                return new ConversationWriteResponse(ConversationViews.ForVisitor((await ConversationStore.FindAsync(w, id))!), w.LastSeq, Replayed: true);
            var record = await StartConversationAsync(w, visitor.InboxId!.Value, visitor.ContactId!.Value, visitor.Actor);
            return new ConversationWriteResponse(ConversationViews.ForVisitor(record), w.LastSeq, Replayed: false);
        }, cancellationToken);

    /// <summary>Creates a conversation and appends its <c>conversation.updated</c> (change <c>created</c>).</summary>
    public static async Task<ConversationRecord> StartConversationAsync(WriteContext w, long inboxId, long contactId, Events.Actor actor)
    {
        var settings = await WorkspaceStore.GetSettingsAsync(w);
        var draft = ConversationMachine.Start(0, w.WorkspaceId, inboxId, contactId, settings, w.Now);
        var id = await ConversationStore.InsertAsync(w, draft);
        var record = (await ConversationStore.FindAsync(w, id))!;
        await ConversationViews.AppendAsync(w, record, ConversationChange.Created, actor);
        return record;
    }

    public static Task<long> CreateContactAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, long workspaceId, string? name, string? email, DateTimeOffset now) =>
        CreateContactAsync(c, tx, workspaceId, name, email, now, "widget", TokenCodec.Base64Url(RandomNumberGenerator.GetBytes(16)));

    /// <summary>Creates a contact with its identity on a channel (widget visitor id, WhatsApp wa_id).</summary>
    public static async Task<long> CreateContactAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx,
        long workspaceId, string? name, string? email, DateTimeOffset now, string channel, string externalId)
    {
        var id = await c.QuerySingleAsync<long>("""
            INSERT INTO contacts (workspace_id, name, email, created_at, updated_at) VALUES (@workspaceId, @name, @email, @now, @now) RETURNING id
            """, new { workspaceId, name = name ?? "Visitor", email, now = now.ToUnixTimeMilliseconds() }, tx);
        await c.ExecuteAsync("INSERT INTO contact_identities (workspace_id, channel, external_id, contact_id) VALUES (@workspaceId, @channel, @externalId, @id)",
            new { workspaceId, channel, externalId, id }, tx);
        return id;
    }

    static Task<long?> LatestConversationAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, long inboxId, long contactId) =>
        c.QuerySingleOrDefaultAsync<long?>(
            "SELECT id FROM conversations WHERE inbox_id = @inboxId AND contact_id = @contactId ORDER BY id DESC LIMIT 1", new { inboxId, contactId }, tx);

    sealed record InboxKey(long Id, long WorkspaceId);

    static string? Optional(string? value, int max, string field)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > max) throw new DomainException($"{field}_invalid", $"{field} must be at most {max} characters.", DomainErrorKind.Invalid);
        return v;
    }
}
