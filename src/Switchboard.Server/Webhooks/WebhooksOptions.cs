namespace Switchboard.Server.Webhooks;

/// <summary>Bound from the <c>Webhooks</c> section.</summary>
public sealed class WebhooksOptions
{
    /// <summary>How long one delivery attempt may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Attempts per delivery before it is dead-lettered (with the jobs' backoff: about a day at the defaults).</summary>
    public int MaxAttempts { get; set; } = 10;
    public int MaxSubscriptionsPerWorkspace { get; set; } = 20;
}
