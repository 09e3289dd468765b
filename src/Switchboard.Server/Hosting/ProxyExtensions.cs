using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy: the scheme and client address it forwards are believed only from the proxies
/// configured under <c>Proxy</c> (and loopback), so the session cookie is <c>Secure</c>, HSTS is sent, and rate limits
/// count the real client. Anyone else's <c>X-Forwarded-*</c> headers are ignored.
/// </summary>
public static class ProxyExtensions
{
    public static WebApplicationBuilder AddProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration("Proxy");
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = proxy.Value.ForwardLimit;
            foreach (var address in proxy.Value.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.Value.KnownNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(180));
        return builder;
    }

    /// <summary>First in the pipeline: everything after sees the client's scheme and address.</summary>
    public static WebApplication UseProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Only over HTTPS (as the proxy says), and never for localhost.
        app.UseHsts();
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }
}
