using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>
/// DESIGN §1 property 8: two workspaces, two visitors each side of a conversation; on every transport each
/// viewer receives exactly the events it may see (team: its workspace's full envelopes; visitor: its own
/// conversation's public envelopes, never notes, never another contact's, never team-only events).
/// </summary>
public sealed class IsolationTests
{
    [Theory, BothDatabases]
    public async Task EveryViewerGetsExactlyWhatItMaySeeOnEveryTransport(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var a = await TestWorkspace.CreateAsync(app);
        var b = await TestWorkspace.CreateAsync(app);
        var (v1, v2, w1) = (await a.NewVisitorAsync("V1"), await a.NewVisitorAsync("V2"), await b.NewVisitorAsync("W1"));
        var viewers = new List<Viewer>
        {
            new("operator A", a, a.Operator, null), new("visitor V1", a, v1.Client, v1.Session.ContactId),
            new("visitor V2", a, v2.Client, v2.Session.ContactId), new("operator B", b, b.Operator, null),
            new("visitor W1", b, w1.Client, w1.Session.ContactId),
        };
        foreach (var v in viewers) await v.ConnectAsync(app);

        (await v1.SayAsync("hello from V1")).EnsureSuccessStatusCode();
        (await v2.SayAsync("hello from V2")).EnsureSuccessStatusCode();
        (await w1.SayAsync("hello from W1")).EnsureSuccessStatusCode();
        var note = await a.Operator.PostJsonAsync($"/api/v1/conversations/{v1.ConversationId}/messages",
            new { clientMessageId = "note-1", text = "V1 is a VIP (internal)", isNote = true });
        Assert.True((await note.ReadAsync<PostMessageResponse>()).Message.IsNote);
        (await a.Operator.PostJsonAsync($"/api/v1/conversations/{v1.ConversationId}/messages", new { clientMessageId = "r1", text = "hi V1" })).EnsureSuccessStatusCode();
        (await a.Operator.PatchJsonAsync($"/api/v1/conversations/{v2.ConversationId}", new { mutationId = "m1", botActive = false })).EnsureSuccessStatusCode();
        (await v1.Client.PostJsonAsync($"/api/v1/conversations/{v1.ConversationId}/receipts",
            new { status = "read", upToMessageId = (await a.Operator.GetAsync<MessagePageResponse>($"/api/v1/conversations/{v1.ConversationId}/messages")).Items[^1].Id })).EnsureSuccessStatusCode();
        (await a.Admin.PatchJsonAsync("/api/v1/workspace", new { name = "Renamed A" })).EnsureSuccessStatusCode();
        (await b.Operator.PostJsonAsync($"/api/v1/conversations/{w1.ConversationId}/messages", new { clientMessageId = "n2", text = "B note", isNote = true })).EnsureSuccessStatusCode();
        // Sentinels: the last event each viewer may see. Everything before it arrives first (seq order).
        (await a.Operator.PostJsonAsync($"/api/v1/conversations/{v1.ConversationId}/messages", new { clientMessageId = "s1", text = "sentinel V1" })).EnsureSuccessStatusCode();
        (await a.Operator.PostJsonAsync($"/api/v1/conversations/{v2.ConversationId}/messages", new { clientMessageId = "s2", text = "sentinel V2" })).EnsureSuccessStatusCode();
        (await b.Operator.PostJsonAsync($"/api/v1/conversations/{w1.ConversationId}/messages", new { clientMessageId = "s3", text = "sentinel W1" })).EnsureSuccessStatusCode();

        foreach (var v in viewers) await v.AssertExactAsync(app);
        var v1Frames = viewers[1].AllJson();
        Assert.DoesNotContain(v1Frames, json => json.Contains("VIP", StringComparison.Ordinal) || json.Contains("hello from V2", StringComparison.Ordinal));
        Assert.DoesNotContain(viewers[4].AllJson(), json => json.Contains("B note", StringComparison.Ordinal));
        foreach (var v in viewers) await v.DisposeAsync();
    }

    /// <summary>One viewer reading the same range on WebSocket, SSE and long-poll.</summary>
    sealed class Viewer(string name, TestWorkspace workspace, HttpClient client, long? contactId) : IAsyncDisposable
    {
        long first;
        WsStream? ws;
        SseStream? sse;
        readonly List<string> seen = [];

        public async Task ConnectAsync(TestApp app)
        {
            first = await ReceivedLog.HeadAsync(app, workspace.Id);
            ws = await WsStream.ConnectAsync(app, client.DefaultRequestHeaders.Authorization!.Parameter!, first);
            sse = await SseStream.ConnectAsync(client, first);
        }

        public async Task AssertExactAsync(TestApp app)
        {
            // The viewer's last visible event is its sentinel: read each transport up to it.
            var expected = await ReceivedLog.ExpectedAsync(app, workspace.Id, first, long.MaxValue, contactId);
            var through = expected.Last(e => e.Payload.Contains("sentinel", StringComparison.Ordinal)).Seq;
            var wsLog = new ReceivedLog(first);
            while (wsLog.Cursor < through) wsLog.Apply((await ws!.NextEventAsync())!, $"{name} websocket");
            await wsLog.AssertCompleteAsync(app, workspace.Id, through, $"{name} websocket", contactId);
            var sseLog = new ReceivedLog(first);
            while (sseLog.Cursor < through) sseLog.Apply((await sse!.NextEventAsync())!.Value.Frame, $"{name} sse");
            await sseLog.AssertCompleteAsync(app, workspace.Id, through, $"{name} sse", contactId);
            var pollLog = new ReceivedLog(first);
            while (pollLog.Cursor < through)
                foreach (var e in (await PollClient.PollAsync(client, pollLog.Cursor, limit: 1)).Events) pollLog.Apply(e, $"{name} poll");
            await pollLog.AssertCompleteAsync(app, workspace.Id, through, $"{name} poll", contactId);
            seen.AddRange(wsLog.Applied.Concat(sseLog.Applied).Concat(pollLog.Applied).Select(f => f.Json));
        }

        public IReadOnlyList<string> AllJson() => seen;

        public async ValueTask DisposeAsync()
        {
            if (ws is not null) await ws.DisposeAsync();
            if (sse is not null) await sse.DisposeAsync();
        }
    }
}
