using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Core;
using Switchboard.Core.Events;
using Switchboard.Server.Auth;
using Switchboard.Server.EventLog;
using Switchboard.Server.Storage;
using Switchboard.Server.Workspaces;
using Switchboard.Server.Outbound;

namespace Switchboard.Server.Webhooks;

/// <summary>Webhook subscriptions of a workspace and their delivery log.</summary>
public sealed class WebhookService(Database database, EventLogWriter eventLog, IOptions<WebhooksOptions> options, OutboundGuard outbound)
{
    public const string AllEvents = "*";
    public const int MaxUrlLength = 2000;

    public static readonly IReadOnlySet<string> KnownEventTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        EventTypes.MessageCreated, EventTypes.MessageStatus, EventTypes.ConversationUpdated, EventTypes.ConversationRead,
        EventTypes.MemberUpdated, WorkspaceApi.UpdatedEvent, EventTypes.LabelUpdated, EventTypes.LabelDeleted,
    };

    public async Task<CreatedWebhookResponse> CreateAsync(Caller caller, CreateWebhookRequest request, CancellationToken cancellationToken)
    {
        var url = ValidateUrl(request.Url);
        var types = ValidateTypes(request.EventTypes);
        await outbound.CheckAsync(url, "url", cancellationToken);
        var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return await eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var count = await w.QuerySingleAsync<long>(
                "SELECT COUNT(*) FROM webhook_subscriptions WHERE workspace_id = @WorkspaceId AND active = @active", new { w.WorkspaceId, active = true }, w.CancellationToken);
            if (count >= options.Value.MaxSubscriptionsPerWorkspace)
                throw new DomainException("webhook_limit", $"A workspace can have at most {options.Value.MaxSubscriptionsPerWorkspace} webhooks.");
            var row = await w.QuerySingleAsync<WebhookRow>($"""
                INSERT INTO webhook_subscriptions (workspace_id, url, event_types, secret, active, created_by, created_at)
                VALUES (@WorkspaceId, @url, @types, @secret, @active, @createdBy, @NowMs)
                RETURNING {WebhookRow.Columns}
                """, new { w.WorkspaceId, url, types = string.Join(' ', types), secret, active = true, createdBy = caller.MemberId, w.NowMs }, w.CancellationToken);
            await w.ConfigChangedAsync();
            return new CreatedWebhookResponse(row.ToResponse(), secret);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<WebhookResponse>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) => (IReadOnlyList<WebhookResponse>)(await c.QueryAsync<WebhookRow>(new CommandDefinition(
            $"SELECT {WebhookRow.Columns} FROM webhook_subscriptions WHERE workspace_id = @WorkspaceId AND deleted_at IS NULL ORDER BY id",
            new { caller.WorkspaceId }, tx, cancellationToken: cancellationToken))).Select(r => r.ToResponse()).ToList(), cancellationToken);

    /// <summary>Deactivates a subscription; pending deliveries to it are dropped. The delivery log stays.</summary>
    public Task DeleteAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var changed = await w.ExecuteAsync("""
                UPDATE webhook_subscriptions SET active = @inactive, deleted_at = @NowMs
                WHERE workspace_id = @WorkspaceId AND id = @id AND deleted_at IS NULL
                """, new { inactive = false, w.NowMs, w.WorkspaceId, id }, w.CancellationToken);
            if (changed != 1) throw NotFound();
            await w.ConfigChangedAsync();
            return 0;
        }, cancellationToken);

    public Task<IReadOnlyList<WebhookDeliveryResponse>> DeliveriesAsync(Caller caller, long id, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? 50;
        if (take is < 1 or > 200) throw new DomainException("limit_invalid", "limit must be 1 to 200.", DomainErrorKind.Invalid);
        return database.ReadAsync(async (c, tx) =>
        {
            var exists = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM webhook_subscriptions WHERE workspace_id = @WorkspaceId AND id = @id", new { caller.WorkspaceId, id }, tx,
                cancellationToken: cancellationToken));
            if (exists == 0) throw NotFound();
            return (IReadOnlyList<WebhookDeliveryResponse>)(await c.QueryAsync<WebhookDeliveryRow>(new CommandDefinition($"""
                SELECT {WebhookDeliveryRow.Columns} FROM webhook_deliveries WHERE subscription_id = @id ORDER BY id DESC LIMIT {take}
                """, new { id }, tx, cancellationToken: cancellationToken))).Select(r => r.ToResponse()).ToList();
        }, cancellationToken);
    }

    static DomainException NotFound() => new("webhook_not_found", "No such webhook.", DomainErrorKind.NotFound);

    static string ValidateUrl(string? url)
    {
        if (url is null || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
            throw new DomainException("url_invalid", $"url must be an absolute http(s) URL without credentials, at most {MaxUrlLength} characters.", DomainErrorKind.Invalid);
        return uri.ToString();
    }

    static IReadOnlyList<string> ValidateTypes(IReadOnlyList<string>? types)
    {
        if (types is null || types.Count == 0 || types.Count > 20)
            throw new DomainException("event_types_invalid", "eventTypes must list 1 to 20 event types, or \"*\".", DomainErrorKind.Invalid);
        foreach (var type in types)
            if (type != AllEvents && !KnownEventTypes.Contains(type))
                throw new DomainException("event_types_invalid", $"Unknown event type '{type}'. Known: {string.Join(", ", KnownEventTypes.Order())}, or \"*\".", DomainErrorKind.Invalid);
        return types.Contains(AllEvents) ? [AllEvents] : types.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
