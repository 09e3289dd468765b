using System.Net;
using Switchboard.Core.Conversations;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Api;

public sealed class ConversationApiTests
{
    [Theory, BothDatabases]
    public async Task PatchTogglesTheBotAndReturnsTheSeqOfItsEvent(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var cursor = await LoggedEvents.CursorAsync(app, ws.Id);

        var off = await (await ws.Operator.PatchJsonAsync($"/api/v1/conversations/{visitor.ConversationId}", new { mutationId = "toggle-1", botActive = false }))
            .ReadAsync<ConversationWriteResponse>();
        Assert.False(off.Conversation.BotActive);
        Assert.Equal(ConversationState.Queued, off.Conversation.State);

        // The operator's first request also marks them online (member.updated): look at the conversation's events.
        var events = (await LoggedEvents.AfterAsync(app, ws.Id, cursor)).Where(e => e.ConversationId is not null).ToList();
        var e = Assert.Single(events);
        Assert.Equal(off.Seq, e.Seq);
        Assert.Equal("conversation.updated", e.Type);
        Assert.Equal("toggle-1", e.Payload.GetProperty("mutationId").GetString());
        Assert.Equal("bot_off", e.Payload.GetProperty("data").GetProperty("change").GetString());
        Assert.Equal(off.Conversation.Version, e.Payload.GetProperty("version").GetInt64());
    }

    [Theory, BothDatabases]
    public async Task RetryingAMutationAppliesItOnce(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var url = $"/api/v1/conversations/{visitor.ConversationId}";

        var first = await (await ws.Operator.PatchJsonAsync(url, new { mutationId = "m-1", botActive = false })).ReadAsync<ConversationWriteResponse>();
        var second = await (await ws.Operator.PatchJsonAsync(url, new { mutationId = "m-2", botActive = true })).ReadAsync<ConversationWriteResponse>();
        var retry = await (await ws.Operator.PatchJsonAsync(url, new { mutationId = "m-1", botActive = false })).ReadAsync<ConversationWriteResponse>();

        Assert.True(retry.Replayed);
        Assert.Equal(first.Seq, retry.Seq);
        Assert.True(retry.Conversation.BotActive); // the later intent stands: the retry did not re-apply
        Assert.Equal(second.Conversation.Version, retry.Conversation.Version);
        await (await ws.Operator.PatchJsonAsync(url, new { mutationId = "m-1", botActive = true })).AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_conflict");
    }

    [Theory, BothDatabases]
    public async Task IfMatchGuardsAgainstStaleVersions(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var url = $"/api/v1/conversations/{visitor.ConversationId}";
        var response = await ws.Operator.GetAsync(url);
        var current = await response.ReadAsync<ConversationResponse>();
        Assert.Equal($"\"{current.Version}\"", response.Headers.ETag?.Tag);

        using var ok = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent(new { mutationId = "if-1", resolved = true }) };
        ok.Headers.TryAddWithoutValidation("If-Match", $"\"{current.Version}\"");
        var resolved = await (await ws.Operator.SendAsync(ok)).ReadAsync<ConversationWriteResponse>();
        Assert.Equal(ConversationState.Resolved, resolved.Conversation.State);

        using var stale = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent(new { mutationId = "if-2", resolved = false }) };
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{current.Version}\"");
        await (await ws.Operator.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed, "version_mismatch");
    }

    [Theory, BothDatabases]
    public async Task ListFiltersAndPagesWithAStableCursor(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitors = new List<TestVisitor>();
        for (var i = 0; i < 7; i++)
        {
            var v = await ws.NewVisitorAsync($"Customer {i}");
            await v.SayAsync($"hello {i}");
            visitors.Add(v);
        }
        // Two go to the queue, one is taken by the operator.
        await ws.Operator.PatchJsonAsync($"/api/v1/conversations/{visitors[0].ConversationId}", new { mutationId = "q0", botActive = false });
        await ws.Operator.PatchJsonAsync($"/api/v1/conversations/{visitors[1].ConversationId}", new { mutationId = "q1", botActive = false });
        await ws.Operator.PatchJsonAsync($"/api/v1/conversations/{visitors[2].ConversationId}", new { mutationId = "a2", assigneeId = ws.OperatorId });

        var pages = new List<ConversationResponse>();
        string? next = null;
        do
        {
            var page = await ws.Operator.GetAsync<ItemsResponse<ConversationResponse>>($"/api/v1/conversations?limit=3{(next is null ? "" : "&cursor=" + next)}");
            pages.AddRange(page.Items);
            next = page.Next;
        } while (next is not null);
        Assert.Equal(7, pages.Count);
        Assert.Equal(7, pages.Select(c => c.Id).Distinct().Count());
        Assert.Equal(pages.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Select(c => c.Id), pages.Select(c => c.Id));

        Assert.Equal(2, (await ws.Operator.GetAsync<ItemsResponse<ConversationResponse>>("/api/v1/conversations?state=queued")).Items.Count);
        Assert.Equal(visitors[2].ConversationId, Assert.Single((await ws.Operator.GetAsync<ItemsResponse<ConversationResponse>>("/api/v1/conversations?assignee=me")).Items).Id);
        Assert.Equal(6, (await ws.Operator.GetAsync<ItemsResponse<ConversationResponse>>("/api/v1/conversations?assignee=none")).Items.Count);
        Assert.Equal(4, (await ws.Operator.GetAsync<ItemsResponse<ConversationResponse>>("/api/v1/conversations?botActive=true")).Items.Count);
        Assert.Equal(visitors[5].ConversationId, Assert.Single((await ws.Operator.GetAsync<ItemsResponse<ConversationResponse>>("/api/v1/conversations?q=customer 5")).Items).Id);
        Assert.Equal(7, (await ws.Operator.GetAsync<ItemsResponse<ConversationResponse>>($"/api/v1/conversations?inboxId={ws.Inbox.Id}")).Items.Count);
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        Assert.Empty((await ws.Operator.GetAsync<ItemsResponse<ConversationResponse>>($"/api/v1/conversations?updatedSince={future}")).Items);
    }

    [Theory, BothDatabases]
    public async Task VisitorsSeeOnlyTheirOwnConversationWithoutTeamFields(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var alice = await ws.NewVisitorAsync("Alice");
        var bob = await ws.NewVisitorAsync("Bob");
        await ws.Operator.PatchJsonAsync($"/api/v1/conversations/{alice.ConversationId}", new { mutationId = "take", assigneeId = ws.OperatorId });

        var own = await alice.Client.GetAsync<ItemsResponse<ConversationResponse>>("/api/v1/conversations");
        var mine = Assert.Single(own.Items);
        Assert.Equal(alice.ConversationId, mine.Id);
        Assert.Null(mine.AssigneeId);
        (await alice.Client.GetAsync($"/api/v1/conversations/{bob.ConversationId}")).StatusCode.Equals(HttpStatusCode.NotFound);
        await (await alice.Client.GetAsync($"/api/v1/conversations/{bob.ConversationId}")).AssertProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await alice.Client.GetAsync($"/api/v1/conversations/{bob.ConversationId}/messages")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, Http.Json), System.Text.Encoding.UTF8, "application/json");
}
