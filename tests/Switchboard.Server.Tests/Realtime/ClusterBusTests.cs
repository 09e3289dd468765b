using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Realtime;
using Switchboard.Server.Realtime.Cluster;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Widget;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>
/// Two nodes on one PostgreSQL database: what is committed through one reaches the streams of the other exactly once
/// and in order, by notification when it arrives and by the head check when it does not.
/// </summary>
public sealed class ClusterBusTests
{
    // Long enough that only a notification can deliver within a test's waits.
    static readonly Dictionary<string, string?> NotificationsOnly = new() { ["Cluster:HeadCheckInterval"] = "00:10:00" };
    static readonly Dictionary<string, string?> QuickHeadCheck = new() { ["Cluster:HeadCheckInterval"] = "00:00:00.200" };

    [Fact]
    public async Task EventsWrittenOnOneNodeReachTheOtherNodesStreamsOnceAndInOrder()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var nodeA = await TestApp.StartAsync(DatabaseKind.Postgres, database: database, extra: NotificationsOnly);
        await using var nodeB = await TestApp.StartAsync(DatabaseKind.Postgres, database: database, extra: NotificationsOnly);
        await WritesOnAReachStreamsOnBAsync(nodeA, nodeB);
    }

    [Fact]
    public async Task TheHeadCheckDeliversWhatNoNotificationAnnounced()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        // Node A's notifications are all lost.
        await using var nodeA = await TestApp.StartAsync(DatabaseKind.Postgres, database: database, extra: NotificationsOnly,
            configureServices: s => s.AddSingleton<IClusterNotifier, LostNotifications>());
        await using var nodeB = await TestApp.StartAsync(DatabaseKind.Postgres, database: database, extra: QuickHeadCheck);
        await WritesOnAReachStreamsOnBAsync(nodeA, nodeB);
    }

    [Fact]
    public async Task SignalsReachTheOtherNodesViewers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var nodeA = await TestApp.StartAsync(DatabaseKind.Postgres, database: database, extra: NotificationsOnly);
        await using var nodeB = await TestApp.StartAsync(DatabaseKind.Postgres, database: database, extra: NotificationsOnly);
        var workspace = await TestWorkspace.CreateAsync(nodeA);
        var visitor = await workspace.NewVisitorAsync();
        await using var operatorOnB = await SseStream.ConnectAsync(await nodeB.LoginAsync(workspace.OperatorEmail), null);
        await using var visitorOnB = await SseStream.ConnectAsync(OnNode(nodeB, visitor), null);
        // The streams subscribed before their response started; B must also be listening, or the signal finds nobody there.
        await nodeB.Service<ClusterListener>().Listening.WaitAsync(SseStream.Wait);

        nodeA.Service<IEphemeralPublisher>().PublishEphemeral(
            EphemeralSignals.BotThinkingIn(workspace.Id, visitor.ConversationId, visitor.Session.ContactId, null, thinking: true));

        Assert.Equal("bot.thinking", (await NextSignalAsync(operatorOnB))!.Value.Event);
        Assert.Equal("bot.thinking", (await NextSignalAsync(visitorOnB))!.Value.Event);
    }

    [Fact]
    public async Task AWidgetSettingsChangeThroughOneNodeIsEnforcedAtOnceByTheOthers()
    {
        // The cached settings would live an hour: only the change's notification can make node B see it.
        var longCache = new Dictionary<string, string?>(NotificationsOnly) { ["Widget:SettingsCacheLifetime"] = "01:00:00" };
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var nodeA = await TestApp.StartAsync(DatabaseKind.Postgres, database: database, extra: longCache);
        await using var nodeB = await TestApp.StartAsync(DatabaseKind.Postgres, database: database, extra: longCache);
        var workspace = await TestWorkspace.CreateAsync(nodeA);
        await WidgetKit.PutSettingsAsync(workspace, allowedOrigins: new[] { WidgetKit.Shop });
        await nodeB.Service<ClusterListener>().Listening.WaitAsync(SseStream.Wait);
        var config = $"/api/v1/widget/config?inboxToken={workspace.Inbox.PublicToken}";
        var onB = nodeB.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync(onB, WidgetKit.Shop, config));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusFromAsync(onB, "https://new.example.net", config));

        // The shop moves to a new domain; the admin changes the settings through node A.
        await WidgetKit.PutSettingsAsync(workspace, allowedOrigins: new[] { "https://new.example.net" });

        // Polled: the cache change has no event a test could wait for. Bounded, and node B answers from memory meanwhile.
        var enforced = TimeSpan.FromSeconds(15);
        using var waited = new CancellationTokenSource(enforced);
        while (await StatusFromAsync(onB, WidgetKit.Shop, config) != HttpStatusCode.Forbidden)
        {
            if (waited.IsCancellationRequested) Assert.Fail($"node B still let the old origin in {enforced} after the change");
            await Task.Delay(20, CancellationToken.None);
        }
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync(onB, "https://new.example.net", config));
    }

    static async Task<HttpStatusCode> StatusFromAsync(HttpClient client, string origin, string url)
    {
        using var response = await client.SendAsync(WidgetKit.From(origin, HttpMethod.Get, url));
        return response.StatusCode;
    }

    static async Task WritesOnAReachStreamsOnBAsync(TestApp nodeA, TestApp nodeB)
    {
        var workspace = await TestWorkspace.CreateAsync(nodeA);
        var visitors = new[] { await workspace.NewVisitorAsync("V1"), await workspace.NewVisitorAsync("V2") };
        var start = await ReceivedLog.HeadAsync(nodeA, workspace.Id);
        await nodeB.Service<ClusterListener>().Listening.WaitAsync(SseStream.Wait);
        await using var operatorOnB = await SseStream.ConnectAsync(await nodeB.LoginAsync(workspace.OperatorEmail), start);
        await using var visitorOnB = await SseStream.ConnectAsync(OnNode(nodeB, visitors[0]), start);

        // Concurrent writers on A: several commits per batch and per notification.
        await Task.WhenAll(visitors.Select(v => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++) (await v.SayAsync($"message {i}")).EnsureSuccessStatusCode();
        })));
        var end = await ReceivedLog.HeadAsync(nodeA, workspace.Id);

        var team = await ReceiveThroughAsync(operatorOnB, start, end, "operator on B");
        await team.AssertCompleteAsync(nodeA, workspace.Id, end, "operator on B");
        var own = await ReceiveThroughAsync(visitorOnB, start, end, "visitor on B", visitors[0].Session.ContactId, nodeA, workspace.Id);
        await own.AssertCompleteAsync(nodeA, workspace.Id, end, "visitor on B", visitors[0].Session.ContactId);
    }

    /// <summary>Applies durable events until the stream has passed <paramref name="end"/> (a visitor: its last visible event).</summary>
    static async Task<ReceivedLog> ReceiveThroughAsync(SseStream stream, long start, long end, string context,
        long? contactId = null, TestApp? app = null, long workspaceId = 0)
    {
        var last = contactId is null ? end
            : (await ReceivedLog.ExpectedAsync(app!, workspaceId, start, end, contactId)).Select(e => e.Seq).DefaultIfEmpty(start).Max();
        var log = new ReceivedLog(start);
        while (log.Cursor < last)
        {
            var next = await stream.NextEventAsync() ?? throw new InvalidOperationException($"{context}: the stream ended at seq {log.Cursor}");
            if (next.Frame.IsDurable) log.Apply(next.Frame, context);
        }
        return log;
    }

    static async Task<(string Event, StreamFrame Frame)?> NextSignalAsync(SseStream stream)
    {
        while (true)
        {
            var next = await stream.NextAsync();
            if (next is null || !next.Value.Frame.IsDurable && next.Value.Event != "presence") return next;
        }
    }

    /// <summary>The visitor's widget session, used through another node.</summary>
    static HttpClient OnNode(TestApp node, TestVisitor visitor)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", visitor.Session.Token);
        return client;
    }

    sealed class LostNotifications : IClusterNotifier
    {
        public void HeadMoved(long workspaceId, long seq) { }
        public void Signal(EphemeralSignal signal) { }
        public void CacheChanged(string cache, long key) { }
    }
}
