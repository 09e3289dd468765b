using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Server.Auth;
using Switchboard.Server.EventLog;
using Switchboard.Server.Realtime;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>
/// A caught-up stream gets its events from the publisher, with no task of its own; what the publishers cannot
/// deliver in order goes through the catch-up pump, and a queue that overflows cuts the client off so it resumes
/// from the log. Driven on a feed of the test's own, with real events from the log, so every step is deterministic.
/// </summary>
public sealed class LiveDeliveryTests
{
    static readonly TimeSpan Bounded = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ACaughtUpConnectionGetsPublishedEventsQueuedByThePublisherWithNoPumpRunning()
    {
        await using var scene = await Scene.StartAsync(messages: 2);
        var connection = scene.Connect(scene.Start);
        await connection.CatchUp.WaitAsync(Bounded);

        scene.Feed.Append(scene.Events);

        // Queued before Append returned: no pump woke up to do it.
        Assert.True(connection.CatchUp.IsCompleted);
        Assert.Equal(scene.Events.Select(e => e.Seq), Drain(connection).Select(f => f.Seq));
    }

    [Fact]
    public async Task AnEventPublishedBeforeAnEarlierOneIsCaughtUpFromTheLogInOrderAndOnce()
    {
        await using var scene = await Scene.StartAsync(messages: 3);
        var connection = scene.Connect(scene.Start);
        await connection.CatchUp.WaitAsync(Bounded);

        // The second event first: the gap sends the connection back to the pump, which reads the first from the log.
        scene.Feed.Append([scene.Events[1]]);
        var frames = await ReceiveAsync(connection, scene.Events.Count);
        await connection.CatchUp.WaitAsync(Bounded);
        scene.Feed.Append(scene.Events);

        Assert.Equal(scene.Events.Select(e => e.Seq), frames.Select(f => f.Seq));
        Assert.Empty(Drain(connection));
        Assert.Null(connection.CloseReason);
    }

    [Fact]
    public async Task AHeadLearnedFromTheLogWithoutItsEventsSendsLiveConnectionsToTheLogAtOnce()
    {
        // Another node committed: a stream opening here reads the log's head before this node's notification arrives.
        // The live connections must catch up now; the notification, finding the head already there, tells nobody.
        await using var scene = await Scene.StartAsync(messages: 2);
        var connection = scene.Connect(scene.Start);
        await connection.CatchUp.WaitAsync(Bounded);

        scene.Feed.LearnHead(scene.Events[^1].Seq);

        Assert.Equal(scene.Events.Select(e => e.Seq), (await ReceiveAsync(connection, scene.Events.Count)).Select(f => f.Seq));
        Assert.Null(connection.CloseReason);
    }

    [Fact]
    public async Task AQueueThatOverflowsDuringLiveDeliveryCutsTheClientOffAndItsResumeGetsEveryEventInOrder()
    {
        await using var scene = await Scene.StartAsync(messages: 2 * Scene.SmallQueue);
        Assert.True(scene.Events.Count > Scene.SmallQueue, "the test needs more events than the queue holds");
        var stalled = scene.Connect(scene.Start, Scene.SmallQueue);
        await stalled.CatchUp.WaitAsync(Bounded);

        scene.Feed.Append(scene.Events);

        Assert.Equal(DisconnectReasons.SlowConsumer, stalled.CloseReason);
        var received = Drain(stalled);
        Assert.Equal(scene.Events.Take(Scene.SmallQueue).Select(e => e.Seq), received.Select(f => f.Seq));

        // The client comes back with the last seq it got: the pump brings the rest from the ring.
        var resumed = scene.Connect(received[^1].Seq);
        received.AddRange(await ReceiveAsync(resumed, scene.Events.Count - received.Count));
        Assert.Equal(scene.Events.Select(e => e.Seq), received.Select(f => f.Seq));
    }

    [Fact]
    public void OneTimerPingsEveryRegisteredStreamAndForgetsAClosedOne()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var clock = new ManualClock();
        var options = new RealtimeOptions { HeartbeatInterval = TimeSpan.FromSeconds(20) };
        using var heartbeat = new StreamHeartbeat(Options.Create(options), clock);
        var metrics = new RealtimeMetrics(services.GetRequiredService<IMeterFactory>());
        using var first = new StreamConnection("sse", Scene.Admin(1), options, metrics, clock, CancellationToken.None, CancellationToken.None);
        using var second = new StreamConnection("websocket", Scene.Admin(1), options, metrics, clock, CancellationToken.None, CancellationToken.None);
        var firstBeat = heartbeat.Register(first);
        using var secondBeat = heartbeat.Register(second);

        clock.Advance(options.HeartbeatInterval);
        Assert.Equal([FrameKind.Ping], Drain(first).Select(f => f.Kind));
        Assert.Equal([FrameKind.Ping], Drain(second).Select(f => f.Kind));

        firstBeat.Dispose();
        clock.Advance(options.HeartbeatInterval);
        Assert.Empty(Drain(first));
        Assert.Equal([FrameKind.Ping], Drain(second).Select(f => f.Kind));
        Assert.Equal(1, heartbeat.Count);
    }

    static List<OutboundFrame> Drain(StreamConnection connection)
    {
        var frames = new List<OutboundFrame>();
        while (connection.Frames.TryRead(out var frame)) frames.Add(frame);
        return frames;
    }

    static async Task<List<OutboundFrame>> ReceiveAsync(StreamConnection connection, int count)
    {
        var frames = new List<OutboundFrame>();
        while (frames.Count < count)
        {
            await connection.Frames.WaitToReadAsync().AsTask().WaitAsync(Bounded);
            frames.AddRange(Drain(connection));
        }
        return frames;
    }

    /// <summary>A workspace with a few committed messages, and a feed of its own that has published none of their events yet.</summary>
    sealed class Scene : IAsyncDisposable
    {
        public const int SmallQueue = 4;
        readonly TestApp app;
        readonly List<(StreamConnection Connection, FeedSubscription Subscription)> connected = [];

        Scene(TestApp app, long workspaceId, long start, IReadOnlyList<StoredEvent> events)
        {
            this.app = app;
            WorkspaceId = workspaceId;
            Start = start;
            Events = events;
            Feed = new WorkspaceFeed(workspaceId, 256);
            // The log holds the events, the feed's ring does not: as on a node that has not been told yet.
            Feed.LearnHead(start);
        }

        public long WorkspaceId { get; }
        public long Start { get; }
        public IReadOnlyList<StoredEvent> Events { get; }
        public WorkspaceFeed Feed { get; }

        public static Caller Admin(long workspaceId) => new(CallerKind.Member, workspaceId, Roles.Admin, 1, null, null, "Ada");

        public static async Task<Scene> StartAsync(int messages)
        {
            var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
            var ws = await TestWorkspace.CreateAsync(app);
            var visitor = await ws.NewVisitorAsync();
            var start = await ReceivedLog.HeadAsync(app, ws.Id);
            for (var i = 0; i < messages; i++) (await visitor.SayAsync($"message {i}")).EnsureSuccessStatusCode();
            var page = await EventLogStore.ReadAfterAsync(app.Database, ws.Id, start, 100, CancellationToken.None);
            return new Scene(app, ws.Id, start, page.Events);
        }

        /// <summary>A team stream that starts after <paramref name="position"/> and follows this scene's feed.</summary>
        public StreamConnection Connect(long position, int queueCapacity = 1024)
        {
            var options = new RealtimeOptions { QueueCapacity = queueCapacity };
            var connection = new StreamConnection("websocket", Admin(WorkspaceId), options, app.Service<RealtimeMetrics>(), TimeProvider.System,
                CancellationToken.None, CancellationToken.None) { Position = position };
            Feed.Add(connection);
            connected.Add((connection, new FeedSubscription(Feed, connection)));
            connection.Follow(Feed, app.Service<EventPump>(), NullLogger.Instance);
            return connection;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var (connection, subscription) in connected)
            {
                connection.Close(DisconnectReasons.ClientClosed);
                subscription.Dispose();
                await connection.CatchUp.WaitAsync(Bounded);
                connection.Dispose();
            }
            await app.DisposeAsync();
        }
    }
}
