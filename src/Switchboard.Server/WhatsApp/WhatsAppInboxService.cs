using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Storage;
using Switchboard.Server.Outbound;

namespace Switchboard.Server.WhatsApp;

/// <summary>Creating, changing and listing WhatsApp inboxes. Secrets are encrypted before they reach the database.</summary>
public sealed class WhatsAppInboxService(Database database, WhatsAppSecrets secrets, IOptions<WhatsAppOptions> options, TimeProvider clock, OutboundGuard outbound)
{
    public async Task<IReadOnlyList<WhatsAppInboxResponse>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        (await database.ReadAsync((c, tx) => WhatsAppInboxStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken), cancellationToken))
            .Select(r => r.ToResponse()).ToList();

    public async Task<WhatsAppInboxResponse> GetAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        (await database.ReadAsync((c, tx) => WhatsAppInboxStore.FindAsync(c, tx, caller.WorkspaceId, id, cancellationToken), cancellationToken)
            ?? throw NotFound()).ToResponse();

    public async Task<WhatsAppInboxResponse> CreateAsync(Caller caller, CreateWhatsAppInboxRequest request, CancellationToken cancellationToken)
    {
        var name = WhatsAppInput.Name(request.Name);
        var phoneNumberId = WhatsAppInput.PhoneNumberId(request.PhoneNumberId);
        var accessToken = secrets.Protect(WhatsAppInput.Secret(request.AccessToken, "accessToken", 2000));
        var appSecret = secrets.Protect(WhatsAppInput.Secret(request.AppSecret, "appSecret", 200));
        var verifyToken = secrets.Protect(WhatsAppInput.Secret(request.VerifyToken, "verifyToken", 200));
        var graphBaseUrl = WhatsAppInput.GraphBaseUrl(request.GraphBaseUrl ?? options.Value.DefaultGraphBaseUrl);
        await outbound.CheckAsync(graphBaseUrl, "graphBaseUrl", cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();

        return await database.WriteGlobalAsync(async (c, tx) =>
        {
            if (await WhatsAppInboxStore.PhoneNumberTakenAsync(c, tx, phoneNumberId, exceptInboxId: 0, cancellationToken)) throw PhoneNumberTaken();
            // The inbox needs a public token like every inbox; a WhatsApp inbox never uses it.
            var id = (await InboxStore.InsertAsync(c, tx, caller.WorkspaceId, name, InboxChannels.WhatsApp, DateTimeOffset.FromUnixTimeMilliseconds(now), cancellationToken)).Id;
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO whatsapp_inboxes (inbox_id, workspace_id, phone_number_id, graph_base_url, access_token, app_secret, verify_token, updated_at)
                VALUES (@id, @WorkspaceId, @phoneNumberId, @graphBaseUrl, @accessToken, @appSecret, @verifyToken, @now)
                """, new { id, caller.WorkspaceId, phoneNumberId, graphBaseUrl, accessToken, appSecret, verifyToken, now }, tx, cancellationToken: cancellationToken));
            return (await WhatsAppInboxStore.FindAsync(c, tx, id, cancellationToken))!.ToResponse();
        }, cancellationToken);
    }

    public async Task<WhatsAppInboxResponse> UpdateAsync(Caller caller, long id, UpdateWhatsAppInboxRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name is null ? null : WhatsAppInput.Name(request.Name);
        var phoneNumberId = request.PhoneNumberId is null ? null : WhatsAppInput.PhoneNumberId(request.PhoneNumberId);
        var accessToken = request.AccessToken is null ? null : secrets.Protect(WhatsAppInput.Secret(request.AccessToken, "accessToken", 2000));
        var appSecret = request.AppSecret is null ? null : secrets.Protect(WhatsAppInput.Secret(request.AppSecret, "appSecret", 200));
        var verifyToken = request.VerifyToken is null ? null : secrets.Protect(WhatsAppInput.Secret(request.VerifyToken, "verifyToken", 200));
        var graphBaseUrl = request.GraphBaseUrl is null ? null : WhatsAppInput.GraphBaseUrl(request.GraphBaseUrl);
        await outbound.CheckAsync(graphBaseUrl, "graphBaseUrl", cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();

        return await database.WriteGlobalAsync(async (c, tx) =>
        {
            _ = await WhatsAppInboxStore.FindAsync(c, tx, caller.WorkspaceId, id, cancellationToken) ?? throw NotFound();
            if (phoneNumberId is not null && await WhatsAppInboxStore.PhoneNumberTakenAsync(c, tx, phoneNumberId, id, cancellationToken)) throw PhoneNumberTaken();
            if (name is not null)
                await InboxStore.RenameAsync(c, tx, id, name, cancellationToken);
            await c.ExecuteAsync(new CommandDefinition("""
                UPDATE whatsapp_inboxes SET phone_number_id = COALESCE(@phoneNumberId, phone_number_id), graph_base_url = COALESCE(@graphBaseUrl, graph_base_url),
                    access_token = COALESCE(@accessToken, access_token), app_secret = COALESCE(@appSecret, app_secret),
                    verify_token = COALESCE(@verifyToken, verify_token), updated_at = @now
                WHERE inbox_id = @id
                """, new { phoneNumberId, graphBaseUrl, accessToken, appSecret, verifyToken, now, id }, tx, cancellationToken: cancellationToken));
            return (await WhatsAppInboxStore.FindAsync(c, tx, id, cancellationToken))!.ToResponse();
        }, cancellationToken);
    }

    static DomainException NotFound() => new("inbox_not_found", "No WhatsApp inbox has this id.", DomainErrorKind.NotFound);

    static DomainException PhoneNumberTaken() =>
        new("phone_number_id_taken", "Another inbox is already connected to this phone number id.", DomainErrorKind.Conflict);
}
