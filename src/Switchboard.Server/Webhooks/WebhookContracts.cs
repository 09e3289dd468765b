namespace Switchboard.Server.Webhooks;

/// <summary>Subscribe <c>url</c> to event types (<c>["*"]</c> for all). The signing secret is returned once, on creation.</summary>
public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? EventTypes);

public sealed record WebhookResponse(long Id, string Url, IReadOnlyList<string> EventTypes, bool Active, DateTimeOffset CreatedAt);

public sealed record CreatedWebhookResponse(WebhookResponse Webhook, string Secret);

/// <summary>One delivery attempt: the HTTP status (null when no answer came), whether it counted as delivered, and why not.</summary>
public sealed record WebhookDeliveryResponse(
    long Id, long JobId, long EventSeq, string EventType, int Attempt, int? StatusCode, bool Succeeded, string? Error, long DurationMs, DateTimeOffset CreatedAt);

/// <summary>The payload of a <c>webhook.deliver</c> job: the body is fixed at enqueue time, so every retry sends the same bytes.</summary>
public sealed record WebhookDeliveryJob(long SubscriptionId, long EventSeq, string EventType, string Body);
