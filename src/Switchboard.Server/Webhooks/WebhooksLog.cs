namespace Switchboard.Server.Webhooks;

static partial class WebhooksLog
{
    [LoggerMessage(2401, LogLevel.Debug, "Webhook {SubscriptionId}: delivered event {Seq} with status {StatusCode}")]
    public static partial void Delivered(ILogger logger, long subscriptionId, long seq, int statusCode);

    [LoggerMessage(2402, LogLevel.Warning, "Webhook {SubscriptionId}: delivery of event {Seq} failed ({Reason})")]
    public static partial void Failed(ILogger logger, long subscriptionId, long seq, string reason);

    [LoggerMessage(2403, LogLevel.Debug, "Webhook {SubscriptionId} is gone; dropping delivery of event {Seq}")]
    public static partial void Dropped(ILogger logger, long subscriptionId, long seq);
}
