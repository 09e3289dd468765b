namespace Switchboard.Server.Hosting;

/// <summary>The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed, bound from <c>Proxy</c>.</summary>
public sealed class ProxyOptions
{
    /// <summary>Addresses of trusted proxies (<c>10.0.0.5</c>). Loopback is always trusted: a proxy on the same machine.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form (<c>10.0.0.0/8</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to unwrap (a CDN in front of a load balancer is 2).</summary>
    public int ForwardLimit { get; set; } = 1;
}
