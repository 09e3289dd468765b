namespace Switchboard.Server.Outbound;

/// <summary>An outgoing connection refused because its target is internal; the delivery (webhook, bot, WhatsApp) fails with this message.</summary>
public sealed class OutboundRefusedException(string message) : IOException(message);
