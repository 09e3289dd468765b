using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a port the system picks) for the fakes of services Switchboard calls out
/// to: the server under test reaches them through its own HttpClient, so they need a real socket, not a TestServer.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    readonly WebApplication app;

    LoopbackServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>An absolute URL on this server: <c>Url("/hook")</c> is <c>http://127.0.0.1:port/hook</c>.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Starts a server with the endpoints <paramref name="map"/> adds; returns once it listens.</summary>
    public static async Task<LoopbackServer> StartAsync(Action<IEndpointRouteBuilder> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        // The fakes' request logs would drown the test output.
        builder.Logging.ClearProviders();
        var app = builder.Build();
        try
        {
            map(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LoopbackServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
