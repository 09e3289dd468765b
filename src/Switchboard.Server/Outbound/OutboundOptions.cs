namespace Switchboard.Server.Outbound;

/// <summary>
/// Which internal targets outgoing requests (webhooks, LLM and external bots, the WhatsApp Graph API) may reach,
/// bound from <c>Outbound</c>. By default none: only public addresses (docs/operations.md § Outgoing requests).
/// </summary>
public sealed class OutboundOptions
{
    /// <summary>Host names or IP addresses that may be internal, such as an on-premise LLM (<c>ollama.lan</c>, <c>10.0.0.5</c>).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Every internal address allowed: for a server whose integrations all live on its own network, and for tests.</summary>
    public bool AllowInternalAddresses { get; set; }
}
