namespace Switchboard.Server.Webhooks;

/// <summary>A delivery attempt the receiver did not accept; the job retries it.</summary>
public sealed class WebhookDeliveryException(string reason) : Exception(reason);
