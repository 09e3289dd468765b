using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Switchboard.Server.Outbound;

public static class OutboundExtensions
{
    /// <summary>
    /// Guards every HttpClient made by the factory, whatever its feature configured: runs after all of them (post-configure),
    /// so it sees the primary handler each one chose and puts <see cref="OutboundGuard.ConnectAsync"/> in it.
    /// </summary>
    public static WebApplicationBuilder AddOutbound(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboundOptions>().BindConfiguration("Outbound");
        builder.Services.AddSingleton<OutboundGuard>();
        builder.Services.AddSingleton<IPostConfigureOptions<HttpClientFactoryOptions>>(sp =>
            new PostConfigureOptions<HttpClientFactoryOptions>(null, options =>
                options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = Guarded(handlers.PrimaryHandler, sp.GetRequiredService<OutboundGuard>()))));
        return builder;
    }

    static HttpMessageHandler Guarded(HttpMessageHandler primary, OutboundGuard guard)
    {
        SocketsHttpHandler sockets;
        if (primary is SocketsHttpHandler chosen) sockets = chosen;
        else if (primary is HttpClientHandler)
        {
            // The factory's default cannot take a connect callback: a SocketsHttpHandler (what it wraps) replaces it.
            primary.Dispose();
            sockets = new SocketsHttpHandler();
        }
        else return primary; // a test's own handler: it opens no sockets
        sockets.ConnectCallback = guard.ConnectAsync;
        // Through a proxy the dialled address would be the proxy's, not the target's: outgoing requests go direct.
        sockets.UseProxy = false;
        return sockets;
    }
}
