namespace Switchboard.Server.WhatsApp;

/// <summary>The WhatsApp Cloud API channel, bound from the <c>WhatsApp</c> section.</summary>
public sealed class WhatsAppOptions
{
    /// <summary>The Graph API base new inboxes get unless they name another (a proxy, a test server).</summary>
    public string DefaultGraphBaseUrl { get; set; } = "https://graph.facebook.com/v21.0";
    /// <summary>How long one send to the Graph API may take before the attempt counts as failed and is retried.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>Attempts per outbound message (429, 5xx, no answer) before it is marked failed (about 20 minutes at the jobs' defaults).</summary>
    public int SendMaxAttempts { get; set; } = 8;
    /// <summary>WhatsApp's customer service window: free-form messages only this long after the customer's last message.</summary>
    public TimeSpan ServiceWindow { get; set; } = TimeSpan.FromHours(24);
    /// <summary>Largest webhook body accepted (Meta documents payloads of up to 3 MB).</summary>
    public long MaxWebhookBytes { get; set; } = 3 * 1024 * 1024;
    /// <summary>Processed webhook payloads, and status callbacks for messages that never turned up, are deleted after this.</summary>
    public TimeSpan PayloadRetention { get; set; } = TimeSpan.FromDays(7);
    /// <summary>How long one media transfer (a download's lookup and bytes, or an upload) may take before the attempt counts as failed.</summary>
    public TimeSpan MediaTimeout { get; set; } = TimeSpan.FromSeconds(90);
    /// <summary>Largest media file moved either way (WhatsApp's own limit for documents is 100 MB); the workspace's attachment limit applies too.</summary>
    public long MediaMaxBytes { get; set; } = 100L * 1024 * 1024;
    /// <summary>Attempts per inbound media download before its attachment is marked failed (about 20 minutes at the jobs' defaults).</summary>
    public int MediaMaxAttempts { get; set; } = 8;
}
