using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Server.Hosting;
using Switchboard.Server.Realtime;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Realtime;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>A node that is stopping (SIGTERM) drains: not ready for new traffic, its streams told to reconnect elsewhere.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task AStoppingNodeTellsItsStreamsToReconnect()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var workspace = await TestWorkspace.CreateAsync(app);
        await using var stream = await SseStream.ConnectAsync(workspace.Operator, null);

        // What SIGTERM does.
        app.Service<IHostApplicationLifetime>().StopApplication();

        var next = await stream.NextEventAsync();
        while (next is { Event: not "disconnect" }) next = await stream.NextEventAsync();
        Assert.Equal(DisconnectReasons.Shutdown, next!.Value.Frame.Root.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AStoppingNodeAnswersALongPollWithShutdown()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var workspace = await TestWorkspace.CreateAsync(app);
        var head = await app.CursorAsync(workspace.Id);
        // Waiting for events that will not come…
        var waiting = PollClient.PollAsync(workspace.Operator, head);
        // (the poll must have reached the node: the test host refuses requests once stopping)
        var bus = app.Service<EventBus>();
        using (var reached = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            while (!bus.TryGetListenedFeed(workspace.Id, out _)) await Task.Delay(10, reached.Token);

        app.Service<IHostApplicationLifetime>().StopApplication();

        // …it answers, and tells the client to reconnect (after its delay, elsewhere) rather than poll this node again.
        var answer = await waiting;
        Assert.Equal(head, answer.Cursor);
        var last = Assert.Single(answer.Events);
        Assert.Equal(("disconnect", DisconnectReasons.Shutdown), (last.Type, last.Root.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task ReadinessTurnsUnhealthyOnceTheNodeIsStopping()
    {
        // The test host disposes its services as it stops, so the check is asked directly, with the lifetime it reads.
        var lifetime = new StoppableLifetime();
        var check = new DrainingCheck(lifetime);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        lifetime.StopApplication();
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        // …and /readyz asks it.
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var registrations = app.Service<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Contains(registrations, r => r.Name == "draining" && r.Tags.Contains("ready"));
    }

    sealed class StoppableLifetime : IHostApplicationLifetime
    {
        readonly CancellationTokenSource stopping = new();
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => stopping.Cancel();
    }
}
