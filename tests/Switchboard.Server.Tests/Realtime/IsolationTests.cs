using System.Net;
using System.Net.Http.Json;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Queue;
using Switchboard.Server.Sync;
using Switchboard.Server.Teams;
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

    /// <summary>
    /// Issue 20, teams: an inbox in a team whose members do not include an operator; on every transport, live and
    /// resumed from an old cursor, that operator receives every event of the workspace except that inbox's
    /// conversations (no message, no note, no status, no conversation change, no typing), while a member of the team
    /// and the admin receive them all; over REST it is not listed, not found by id, search, queue or snapshot.
    /// </summary>
    [Theory, BothDatabases]
    public async Task AnOperatorOutsideATeamNeitherListsNorStreamsItsInboxConversations(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var a = await TestWorkspace.CreateAsync(app, extraOperators: 1);
        var member = await app.LoginAsync(a.ExtraOperators[0].Email);
        var sales = await (await a.Admin.PostJsonAsync("/api/v1/inboxes", new { name = "Sales" })).ReadAsync<InboxResponse>();
        var team = (await (await a.Admin.PostJsonAsync("/api/v1/teams", new { name = "Sales team", memberIds = new[] { a.ExtraOperators[0].Id } }))
            .ReadAsync<WriteResponse<TeamResponse>>()).Data;
        (await a.Admin.PutAsJsonAsync($"/api/v1/inboxes/{sales.Id}/team", new { teamId = team.Id })).EnsureSuccessStatusCode();
        var first = await ReceivedLog.HeadAsync(app, a.Id);

        var viewers = new List<Viewer>
        {
            new("outsider", a, a.Operator, null, hiddenInboxId: sales.Id), new("team member", a, member, null), new("admin", a, a.Admin, null),
        };
        foreach (var v in viewers) await v.ConnectAsync(app);
        var secret = await a.NewVisitorAsync("Sam Secret", sales);
        var open = await a.NewVisitorAsync("Pat Public");
        (await secret.SayAsync("the secret plan")).EnsureSuccessStatusCode();
        (await open.SayAsync("hello everyone")).EnsureSuccessStatusCode();
        (await member.PostJsonAsync($"/api/v1/conversations/{secret.ConversationId}/messages", new { clientMessageId = "t1", text = "secret note", isNote = true }))
            .EnsureSuccessStatusCode();
        (await member.PostJsonAsync($"/api/v1/conversations/{secret.ConversationId}/messages", new { clientMessageId = "t2", text = "secret reply" }))
            .EnsureSuccessStatusCode();
        (await member.PatchJsonAsync($"/api/v1/conversations/{secret.ConversationId}", new { mutationId = "t3", botActive = false })).EnsureSuccessStatusCode();
        (await member.PostJsonAsync($"/api/v1/conversations/{secret.ConversationId}/typing", new { state = "start" })).EnsureSuccessStatusCode();
        (await a.Admin.PostJsonAsync($"/api/v1/conversations/{open.ConversationId}/typing", new { state = "start" })).EnsureSuccessStatusCode();
        (await a.Admin.PostJsonAsync($"/api/v1/conversations/{open.ConversationId}/messages", new { clientMessageId = "s1", text = "sentinel" }))
            .EnsureSuccessStatusCode();

        // A stream resumed from before all of it (read from the ring or the log, not live) holds to the same rule.
        viewers.Add(new Viewer("outsider resumed", a, a.Operator, null, hiddenInboxId: sales.Id));
        await viewers[^1].ConnectAsync(app, first);
        foreach (var v in viewers) await v.AssertExactAsync(app);
        Assert.DoesNotContain(viewers[0].AllJson(), json => json.Contains("secret", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(viewers[1].AllJson(), json => json.Contains("secret plan", StringComparison.Ordinal));
        // Typing in the team's conversation reaches its member and the admin, never the outsider.
        Assert.Equal([open.ConversationId], viewers[0].Typing);
        Assert.Equal([secret.ConversationId, open.ConversationId], viewers[1].Typing);
        Assert.Equal([secret.ConversationId, open.ConversationId], viewers[2].Typing);

        // REST: not listed, not found by id (404, not 403), not searchable, not queued, not in the snapshot, not writable.
        var outsider = a.Operator;
        var listed = await outsider.GetAsync<ItemsResponse<ConversationResponse>>("/api/v1/conversations?limit=100");
        Assert.DoesNotContain(listed.Items, c => c.Id == secret.ConversationId);
        Assert.Contains(listed.Items, c => c.Id == open.ConversationId);
        Assert.Contains((await member.GetAsync<ItemsResponse<ConversationResponse>>("/api/v1/conversations?limit=100")).Items, c => c.Id == secret.ConversationId);
        foreach (var url in new[] { "", "/messages", "/transcript" })
            await (await outsider.GetAsync($"/api/v1/conversations/{secret.ConversationId}{url}")).AssertProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await outsider.PostJsonAsync($"/api/v1/conversations/{secret.ConversationId}/claim", new { mutationId = "x1" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await outsider.PatchJsonAsync($"/api/v1/conversations/{secret.ConversationId}", new { mutationId = "x2", resolved = true }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await outsider.PostJsonAsync($"/api/v1/conversations/{secret.ConversationId}/messages", new { clientMessageId = "x3", text = "hi" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await outsider.PostJsonAsync($"/api/v1/conversations/{secret.ConversationId}/typing", new { state = "start" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.DoesNotContain("secret", await (await outsider.GetAsync("/api/v1/search?q=secret")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("secret", await (await member.GetAsync("/api/v1/search?q=secret")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The queue is per scope: the team's waiting conversation is in its member's queue, not in the outsider's, nor theirs to claim next.
        var waiting = await a.NewVisitorAsync("Wes Waiting", sales);
        (await a.Admin.PatchJsonAsync($"/api/v1/conversations/{waiting.ConversationId}", new { mutationId = "q1", botActive = false })).EnsureSuccessStatusCode();
        var outsiderQueue = await outsider.GetAsync<QueueResponse>("/api/v1/queue");
        Assert.Equal((0, 0), (outsiderQueue.Items.Count, outsiderQueue.Waiting));
        Assert.Equal([waiting.ConversationId], (await member.GetAsync<QueueResponse>("/api/v1/queue")).Items.Select(c => c.Id));
        await (await outsider.PostJsonAsync("/api/v1/queue/claim", new { mutationId = "q2" })).AssertProblemAsync(HttpStatusCode.Conflict, "queue_empty");
        // Nor can an admin hand it to them: only the team's members (or admins) may own it.
        await (await a.Admin.PatchJsonAsync($"/api/v1/conversations/{waiting.ConversationId}", new { mutationId = "q3", assigneeId = a.OperatorId }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "assignee_not_in_team");
        (await member.PostJsonAsync("/api/v1/queue/claim", new { mutationId = "q4" })).EnsureSuccessStatusCode();
        Assert.DoesNotContain((await outsider.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot")).Conversations, c => c.Id == secret.ConversationId);
        Assert.Contains((await a.Admin.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot")).Conversations, c => c.Id == secret.ConversationId);
        foreach (var v in viewers) await v.DisposeAsync();
    }

    /// <summary>
    /// When a team change may move what an operator sees, each of their streams ends with a <c>reset</c> at it (live, and
    /// a long-poll from before it), so the client reloads a snapshot of the new scope; an admin's streams go on.
    /// </summary>
    [Theory, BothDatabases]
    public async Task ATeamChangeResetsOperatorsStreamsSoTheyResync(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var a = await TestWorkspace.CreateAsync(app);
        var sales = await (await a.Admin.PostJsonAsync("/api/v1/inboxes", new { name = "Sales" })).ReadAsync<InboxResponse>();
        var team = (await (await a.Admin.PostJsonAsync("/api/v1/teams", new { name = "Sales team" })).ReadAsync<WriteResponse<TeamResponse>>()).Data;
        (await a.Admin.PutAsJsonAsync($"/api/v1/inboxes/{sales.Id}/team", new { teamId = team.Id })).EnsureSuccessStatusCode();
        var secret = await a.NewVisitorAsync("Sam Secret", sales);
        await (await a.Operator.GetAsync($"/api/v1/conversations/{secret.ConversationId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var before = await ReceivedLog.HeadAsync(app, a.Id);
        await using var ws = await WsStream.ConnectAsync(app, a.Operator.DefaultRequestHeaders.Authorization!.Parameter!, before);
        await using var sse = await SseStream.ConnectAsync(a.Operator, before);
        await using var adminWs = await WsStream.ConnectAsync(app, a.Admin.DefaultRequestHeaders.Authorization!.Parameter!, before);

        var joined = await (await a.Admin.PatchJsonAsync($"/api/v1/teams/{team.Id}", new { memberIds = new[] { a.OperatorId } }))
            .ReadAsync<WriteResponse<TeamResponse>>();
        Assert.Equal([a.OperatorId], joined.Data.MemberIds);
        // Whatever came before (presence), the last word is the reset at the change: never the change, never the conversation.
        StreamFrame? reset;
        while ((reset = await ws.NextEventAsync())!.Type != "reset") Assert.Equal("member.updated", reset.Type);
        Assert.Equal(joined.Seq, reset.Root.GetProperty("cursor").GetInt64());
        Assert.Null(await ws.NextAsync()); // and the socket closes
        (string Event, StreamFrame Frame)? sseReset;
        while ((sseReset = await sse.NextEventAsync())!.Value.Event != "reset") Assert.Equal("member.updated", sseReset.Value.Frame.Type);
        var poll = await PollClient.PollAsync(a.Operator, before);
        while (poll.Events.All(e => e.Type == "member.updated")) poll = await PollClient.PollAsync(a.Operator, poll.Cursor);
        Assert.Equal("reset", Assert.Single(poll.Events).Type);
        // The admin's stream carries the change itself.
        StreamFrame? adminSaw;
        while ((adminSaw = await adminWs.NextEventAsync())!.Type != "team.updated") Assert.Equal("member.updated", adminSaw.Type);
        Assert.Equal(joined.Seq, adminSaw.Seq);
        // Now in the team: the conversation is theirs to see, by id, in lists and in the snapshot the reset asks for.
        (await a.Operator.GetAsync($"/api/v1/conversations/{secret.ConversationId}")).EnsureSuccessStatusCode();
        Assert.Contains((await a.Operator.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot")).Conversations, c => c.Id == secret.ConversationId);
    }

    /// <summary>
    /// An admin demoted to operator while their dashboard is open: their stream ends with a <c>reset</c> at the change (it
    /// does not go on with an admin's view), and what they read from then on is an operator's, outside the team.
    /// </summary>
    [Theory, BothDatabases]
    public async Task ADemotedAdminsOpenStreamResetsAndTheirViewNarrows(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var a = await TestWorkspace.CreateAsync(app, extraOperators: 1);
        var (deputyId, deputyEmail) = a.ExtraOperators[0];
        (await a.Admin.PatchJsonAsync($"/api/v1/members/{deputyId}", new { role = "admin" })).EnsureSuccessStatusCode();
        var deputy = await app.LoginAsync(deputyEmail);
        var sales = await (await a.Admin.PostJsonAsync("/api/v1/inboxes", new { name = "Sales" })).ReadAsync<InboxResponse>();
        var team = (await (await a.Admin.PostJsonAsync("/api/v1/teams", new { name = "Sales team" })).ReadAsync<WriteResponse<TeamResponse>>()).Data;
        (await a.Admin.PutAsJsonAsync($"/api/v1/inboxes/{sales.Id}/team", new { teamId = team.Id })).EnsureSuccessStatusCode();
        var secret = await a.NewVisitorAsync("Sam Secret", sales);
        (await deputy.GetAsync($"/api/v1/conversations/{secret.ConversationId}")).EnsureSuccessStatusCode();
        var before = await ReceivedLog.HeadAsync(app, a.Id);
        await using var ws = await WsStream.ConnectAsync(app, deputy.DefaultRequestHeaders.Authorization!.Parameter!, before);

        var demoted = await a.Admin.PatchJsonAsync($"/api/v1/members/{deputyId}", new { role = "operator" });
        demoted.EnsureSuccessStatusCode();
        StreamFrame? frame;
        while ((frame = await ws.NextEventAsync())!.Type != "reset") Assert.Equal("member.updated", frame.Type);
        Assert.Null(await ws.NextAsync()); // and the socket closes
        await (await deputy.GetAsync($"/api/v1/conversations/{secret.ConversationId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await deputy.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot")).Conversations, c => c.Id == secret.ConversationId);
    }

    /// <summary>One viewer reading the same range on WebSocket, SSE and long-poll.</summary>
    sealed class Viewer(string name, TestWorkspace workspace, HttpClient client, long? contactId, long? hiddenInboxId = null) : IAsyncDisposable
    {
        long first;
        WsStream? ws;
        SseStream? sse;
        readonly List<string> seen = [];

        /// <summary>The conversations of the typing signals the WebSocket carried, in order.</summary>
        public List<long> Typing { get; } = [];

        /// <param name="from">A cursor to resume from (default: the head now).</param>
        public async Task ConnectAsync(TestApp app, long? from = null)
        {
            first = from ?? await ReceivedLog.HeadAsync(app, workspace.Id);
            ws = await WsStream.ConnectAsync(app, client.DefaultRequestHeaders.Authorization!.Parameter!, first);
            sse = await SseStream.ConnectAsync(client, first);
        }

        public async Task AssertExactAsync(TestApp app)
        {
            // The viewer's last visible event is its sentinel: read each transport up to it.
            var expected = await ReceivedLog.ExpectedAsync(app, workspace.Id, first, long.MaxValue, contactId, hiddenInboxId);
            var through = expected.Last(e => e.Payload.Contains("sentinel", StringComparison.Ordinal)).Seq;
            var wsLog = new ReceivedLog(first);
            while (wsLog.Cursor < through)
            {
                var frame = (await ws!.NextAsync())!;
                if (frame.Type == "typing") Typing.Add(frame.Root.GetProperty("conversationId").GetInt64());
                else if (frame.IsDurable || frame.Type is "reset" or "cursor") wsLog.Apply(frame, $"{name} websocket");
            }
            await wsLog.AssertCompleteAsync(app, workspace.Id, through, $"{name} websocket", contactId, hiddenInboxId);
            var sseLog = new ReceivedLog(first);
            while (sseLog.Cursor < through) sseLog.Apply((await sse!.NextEventAsync())!.Value.Frame, $"{name} sse");
            await sseLog.AssertCompleteAsync(app, workspace.Id, through, $"{name} sse", contactId, hiddenInboxId);
            var pollLog = new ReceivedLog(first);
            while (pollLog.Cursor < through)
                foreach (var e in (await PollClient.PollAsync(client, pollLog.Cursor, limit: 1)).Events) pollLog.Apply(e, $"{name} poll");
            await pollLog.AssertCompleteAsync(app, workspace.Id, through, $"{name} poll", contactId, hiddenInboxId);
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
