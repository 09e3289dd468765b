using Dapper;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.EventLog;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Storage;
using Switchboard.Server.Outbound;

namespace Switchboard.Server.Bots.Config;

/// <summary>
/// The admin side of bot configuration: the workspace's and per-inbox overrides. Secrets are encrypted before the
/// write transaction (creating the first Data Protection key writes too) and never come back out of the API.
/// </summary>
public sealed class BotConfigService(Database database, EventLogWriter eventLog, BotConfigStore store, BotSecrets secrets, OutboundGuard outbound)
{
    public Task<BotConfigResponse> GetAsync(Caller caller, CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) =>
        {
            var (workspace, _) = await BotConfigStore.LoadRowsAsync(c, tx, caller.WorkspaceId, null);
            return View(store.Merge(workspace, null), workspace, workspace?.LlmApiKey, workspace?.ExternalSecret);
        }, cancellationToken);

    /// <summary>PATCH: the fields the request names change, the others stay.</summary>
    public async Task<BotConfigResponse> UpdateAsync(Caller caller, BotConfigRequest request, CancellationToken cancellationToken)
    {
        var (llmKey, externalSecret) = ProtectSecrets(caller.WorkspaceId, request);
        await CheckUrlsAsync(request, cancellationToken);
        return await eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var (row, _) = await BotConfigStore.LoadRowsAsync(w.Connection, w.Transaction, w.WorkspaceId, null);
            var settings = BotConfigValidator.Apply(row?.Parsed ?? new BotSettings(), request);
            var (llm, external) = (Keep(row?.LlmApiKey, llmKey), Keep(row?.ExternalSecret, externalSecret));
            BotConfigValidator.RequireUsable(settings.Over(store.Defaults), external is not null);
            var saved = await SaveAsync(w, row, inboxId: null, settings, llm, external);
            return View(store.Merge(saved, null), saved, saved.LlmApiKey, saved.ExternalSecret);
        }, cancellationToken);
    }

    public Task<InboxBotConfigResponse> GetInboxAsync(Caller caller, long inboxId, CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) =>
        {
            await RequireInboxAsync(c, tx, caller.WorkspaceId, inboxId, cancellationToken);
            var (workspace, inbox) = await BotConfigStore.LoadRowsAsync(c, tx, caller.WorkspaceId, inboxId);
            return InboxView(inboxId, workspace, inbox);
        }, cancellationToken);

    /// <summary>PUT: the override becomes exactly the request; absent fields inherit, absent secrets keep the stored ones.</summary>
    public async Task<InboxBotConfigResponse> ReplaceInboxAsync(Caller caller, long inboxId, BotConfigRequest request, CancellationToken cancellationToken)
    {
        var (llmKey, externalSecret) = ProtectSecrets(caller.WorkspaceId, request);
        await CheckUrlsAsync(request, cancellationToken);
        return await eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            await RequireInboxAsync(w.Connection, w.Transaction, w.WorkspaceId, inboxId, w.CancellationToken);
            var (workspace, row) = await BotConfigStore.LoadRowsAsync(w.Connection, w.Transaction, w.WorkspaceId, inboxId);
            var settings = BotConfigValidator.Apply(new BotSettings(), request);
            var (llm, external) = (Keep(row?.LlmApiKey, llmKey), Keep(row?.ExternalSecret, externalSecret));
            BotConfigValidator.RequireUsable(settings.Over(store.Merge(workspace, null)), (external ?? workspace?.ExternalSecret) is not null);
            var saved = await SaveAsync(w, row, inboxId, settings, llm, external);
            return InboxView(inboxId, workspace, saved);
        }, cancellationToken);
    }

    /// <summary>Bot URLs may not point inside the server's network (docs/operations.md § Outgoing requests).</summary>
    async Task CheckUrlsAsync(BotConfigRequest request, CancellationToken cancellationToken)
    {
        await outbound.CheckAsync(request.Llm?.BaseUrl, "llm.baseUrl", cancellationToken);
        await outbound.CheckAsync(request.External?.Url, "external.url", cancellationToken);
    }

    /// <summary>Removes an inbox's override (idempotent): its conversations follow the workspace's configuration again.</summary>
    public Task DeleteInboxAsync(Caller caller, long inboxId, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            await RequireInboxAsync(w.Connection, w.Transaction, w.WorkspaceId, inboxId, w.CancellationToken);
            var deleted = await w.ExecuteAsync("DELETE FROM bot_configs WHERE workspace_id = @WorkspaceId AND inbox_id = @inboxId", new { w.WorkspaceId, inboxId }, w.CancellationToken);
            if (deleted > 0) await w.ConfigChangedAsync();
            return deleted;
        }, cancellationToken);

    (string? LlmKey, string? ExternalSecret) ProtectSecrets(long workspaceId, BotConfigRequest request)
    {
        var llmKey = BotConfigValidator.Secret(request.Llm?.ApiKey, 1, "llm_api_key", "llm.apiKey");
        var externalSecret = BotConfigValidator.Secret(request.External?.Secret, BotLimits.MinExternalSecretLength, "external_secret", "external.secret");
        return (Protect(workspaceId, llmKey), Protect(workspaceId, externalSecret));
    }

    /// <summary>null and "" pass through (keep, remove); anything else is encrypted.</summary>
    string? Protect(long workspaceId, string? secret) => string.IsNullOrEmpty(secret) ? secret : secrets.Protect(workspaceId, secret);

    /// <summary>The ciphertext to store: the stored one when the request named none, nothing when it sent "".</summary>
    static string? Keep(string? stored, string? requested) => requested switch
    {
        null => stored,
        "" => null,
        _ => requested,
    };

    static async Task<BotConfigRow> SaveAsync(WriteContext w, BotConfigRow? row, long? inboxId, BotSettings settings, string? llmKey, string? externalSecret)
    {
        var args = new { w.WorkspaceId, inboxId, settings = BotConfigRow.Serialize(settings), llmKey, externalSecret, w.NowMs, id = row?.Id };
        await w.ConfigChangedAsync();
        return row is null
            ? await w.QuerySingleAsync<BotConfigRow>($"""
                INSERT INTO bot_configs (workspace_id, inbox_id, settings, llm_api_key, external_secret, version, updated_at)
                VALUES (@WorkspaceId, @inboxId, @settings, @llmKey, @externalSecret, 1, @NowMs)
                RETURNING {BotConfigRow.Columns}
                """, args, w.CancellationToken)
            : await w.QuerySingleAsync<BotConfigRow>($"""
                UPDATE bot_configs SET settings = @settings, llm_api_key = @llmKey, external_secret = @externalSecret,
                    version = version + 1, updated_at = @NowMs
                WHERE id = @id
                RETURNING {BotConfigRow.Columns}
                """, args, w.CancellationToken);
    }

    static async Task RequireInboxAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction? tx, long workspaceId, long inboxId,
        CancellationToken cancellationToken)
    {
        if (!await InboxStore.ExistsAsync(c, tx, workspaceId, inboxId, cancellationToken)) throw new DomainException("inbox_not_found", "No such inbox.", DomainErrorKind.NotFound);
    }

    InboxBotConfigResponse InboxView(long inboxId, BotConfigRow? workspace, BotConfigRow? inbox) => new(
        inboxId,
        View(inbox?.Parsed ?? new BotSettings(), inbox, inbox?.LlmApiKey, inbox?.ExternalSecret),
        View(store.Merge(workspace, inbox), inbox ?? workspace, inbox?.LlmApiKey ?? workspace?.LlmApiKey, inbox?.ExternalSecret ?? workspace?.ExternalSecret));

    static BotConfigResponse View(BotSettings s, BotConfigRow? row, string? llmKey, string? externalSecret) => new(
        s.Engine, s.Greeting, s.ConfidenceThreshold, s.HandoffPhrases, s.HandoffMessage, s.ReplyTimeoutSeconds,
        new LlmConfigResponse(s.LlmBaseUrl, s.LlmModel, s.LlmSystemPrompt, s.LlmTemperature, ApiKeySet: llmKey is not null),
        new ExternalBotConfigResponse(s.ExternalUrl, SecretSet: externalSecret is not null),
        row?.Version ?? 0, row is null ? null : Time.FromMs(row.UpdatedAt));
}
