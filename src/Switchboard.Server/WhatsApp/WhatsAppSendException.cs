namespace Switchboard.Server.WhatsApp;

/// <summary>A send attempt that may succeed later (429, 5xx, no answer): thrown so the job system retries it.</summary>
public sealed class WhatsAppSendException(string reason) : Exception($"WhatsApp Cloud API: {reason}");
