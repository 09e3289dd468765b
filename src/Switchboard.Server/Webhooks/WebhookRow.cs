using Switchboard.Server.Common;

namespace Switchboard.Server.Webhooks;

/// <summary>A <c>webhook_subscriptions</c> row. The secret never leaves the server after creation.</summary>
public sealed class WebhookRow
{
    public const string Columns = "id, workspace_id, url, event_types, secret, active, created_at";

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public string Url { get; set; } = "";
    public string EventTypes { get; set; } = "";
    public string Secret { get; set; } = "";
    public bool Active { get; set; }
    public long CreatedAt { get; set; }

    public IReadOnlyList<string> Types => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public WebhookSubscriber ToSubscriber() => new(Id, Types);

    public WebhookResponse ToResponse() => new(Id, Url, Types, Active, Time.FromMs(CreatedAt));
}

/// <summary>What a write needs of an active subscription to enqueue its deliveries; immutable, so writes share it (ConfigCache).</summary>
public sealed record WebhookSubscriber(long Id, IReadOnlyList<string> Types)
{
    public bool Wants(string type) => Types.Any(t => t == WebhookService.AllEvents || t == type);
}
