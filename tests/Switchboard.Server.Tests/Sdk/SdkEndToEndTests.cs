using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Switchboard.Client;
using Switchboard.Client.Api;
using Switchboard.Client.Streaming;
using Switchboard.Client.Sync;
using Switchboard.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Server.Tests.Sdk;

/// <summary>
/// An operator client and a visitor client, both the .NET SDK, against a real server: 1,000 messages while
/// their streams are cut at random and sends fail before or after reaching the server. Each side must see
/// every message exactly once, in the server's order, and every status must settle on read.
/// </summary>
public sealed class SdkEndToEndTests(ITestOutputHelper output)
{
    const int MessagesPerSide = 500;
    static readonly LiveStoreOptions Options = new()
    {
        Writes = new RetryPolicy([20, 50, 100, 200, 400, 800, 1600]),
        ReconnectDelaysMs = [0, 20, 50],
        RequestTimeout = TimeSpan.FromSeconds(10),
        MessagePageSize = 200,
    };

    [Theory, BothDatabases]
    public async Task ThousandMessagesWithRandomDisconnectsArriveOnceInOrderAndSettle(DatabaseKind db)
    {
        const int seed = 4242;
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var random = new Random(seed);

        var (visitorApi, visitorChaos) = Api(app, random);
        await visitorApi.StartWidgetSessionAsync(ws.Inbox.PublicToken, "Erin End-to-end");
        var conversationId = (await visitorApi.StartWidgetConversationAsync()).Conversation.Id;
        var (operatorApi, operatorChaos) = Api(app, random);
        await operatorApi.LoginAsync(ws.OperatorEmail, TestWorkspace.Password);

        // The operator streams over WebSocket, the visitor over SSE; both are cut every 1..40 items.
        var operatorStream = new ChaosTransport(new WebSocketTransport(app.Server.BaseAddress, (uri, ct) =>
        {
            var client = app.Server.CreateWebSocketClient();
            client.ConfigureRequest = r => r.Headers.Authorization = $"Bearer {operatorApi.Token}";
            return client.ConnectAsync(uri, ct);
        }), random, 40);
        var visitorStream = new ChaosTransport(new SseTransport(StreamClient(app, visitorApi.Token!)), random, 40);
        await using var visitor = new LiveStore(visitorApi, visitorStream, Options);
        await using var op = new LiveStore(operatorApi, operatorStream, Options);
        await visitor.StartAsync();
        await op.StartAsync();
        await visitor.WatchConversationAsync(conversationId);
        await op.WatchConversationAsync(conversationId);

        var started = DateTime.UtcNow;
        for (var i = 0; i < MessagesPerSide; i++)
        {
            visitor.SendMessage(conversationId, $"visitor {i}", sendSeenSeq: false);
            op.SendMessage(conversationId, $"operator {i}");
        }
        var total = 2 * MessagesPerSide;
        await Task.WhenAll(
            SettleAsync(visitor, conversationId, s => Confirmed(s, conversationId) == total),
            SettleAsync(op, conversationId, s => Confirmed(s, conversationId) == total));
        var delivered = DateTime.UtcNow - started;

        // Both sides read everything: every message of each side must end "read" on both sides.
        var last = op.GetMessages(conversationId)[^1].Id!.Value;
        await visitorApi.PostReceiptAsync(conversationId, "read", last);
        await operatorApi.PostReceiptAsync(conversationId, "read", last);
        await Task.WhenAll(
            SettleAsync(visitor, conversationId, s => s.GetMessages(conversationId).All(m => m.Status == "read")),
            SettleAsync(op, conversationId, s => s.GetMessages(conversationId).All(m => m.Status == "read")));

        var server = new List<string>();
        long? after = 0;
        while (after is not null)
        {
            var page = await operatorApi.GetMessagesAsync(conversationId, after: after, limit: 200);
            server.AddRange(page.Items.Select(m => m.ClientMessageId));
            after = page.HasMore ? page.Items[^1].Ordinal : null;
        }
        foreach (var (name, store) in new[] { ("visitor", visitor), ("operator", op) })
        {
            var view = store.GetMessages(conversationId);
            Assert.Equal(total, view.Count);
            Assert.Equal(total, view.Select(m => m.ClientMessageId).Distinct().Count());
            Assert.Equal(server, view.Select(m => m.ClientMessageId));
            Assert.All(view, m => Assert.False(m.Pending, $"{name}: {m.ClientMessageId} still pending"));
            Assert.Equal(0, store.PendingCount);
            Assert.Empty(store.Errors);
        }
        Assert.Equal(total, server.Count);
        output.WriteLine($"{db}: {total} messages delivered in {delivered.TotalSeconds:F1} s; stream cuts: operator {operatorStream.Disconnects}, " +
            $"visitor {visitorStream.Disconnects}; sends failed before the server: {visitorChaos.FailedBefore + operatorChaos.FailedBefore}, " +
            $"answers lost after it: {visitorChaos.LostAnswers + operatorChaos.LostAnswers}; reconnects: operator {op.Connections}, visitor {visitor.Connections}");
        Assert.True(operatorStream.Disconnects > 10 && visitorStream.Disconnects > 10, "the streams were not cut often enough to test resuming");
        Assert.True(visitorChaos.LostAnswers + operatorChaos.LostAnswers > 10, "too few lost answers to test idempotent retries");
    }

    static int Confirmed(LiveStore store, long conversationId)
    {
        // A user retries whatever ran out of retries; that is part of "nothing is lost".
        foreach (var failed in store.GetMessages(conversationId).Where(m => m.CanRetry)) store.RetryMessage(failed.ClientMessageId);
        return store.GetMessages(conversationId).Count(m => !m.Pending);
    }

    static async Task SettleAsync(LiveStore store, long conversationId, Func<LiveStore, bool> done)
    {
        try
        {
            await store.WaitUntilAsync(done, TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException)
        {
            var view = store.GetMessages(conversationId);
            throw new Xunit.Sdk.XunitException(
                $"not settled: {view.Count} messages, {view.Count(m => m.Pending)} pending, statuses [{string.Join(", ", view.GroupBy(m => m.Status).Select(g => $"{g.Key}={g.Count()}"))}], " +
                $"cursor {store.Cursor}, state {store.State}, connections {store.Connections}, last stream error: {store.LastStreamError}");
        }
    }

    static (SwitchboardApiClient Api, ChaosHandler Chaos) Api(TestApp app, Random random)
    {
        var chaos = new ChaosHandler(random, failBefore: 0.05, loseAnswer: 0.05);
        var http = app.CreateDefaultClient(chaos);
        return (new SwitchboardApiClient(http), chaos);
    }

    /// <summary>A client for the stream only (no chaos handler: the ChaosTransport cuts streams).</summary>
    static HttpClient StreamClient(TestApp app, string token)
    {
        var http = app.CreateDefaultClient();
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
