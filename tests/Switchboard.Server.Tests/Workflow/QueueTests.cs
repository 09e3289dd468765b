using System.Net;
using Switchboard.Core.Conversations;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Queue;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Workflow;

public sealed class QueueTests
{
    [Theory, BothDatabases]
    public async Task QueueServesOldestFirstAndClaimsRespectStateCapacityAndRetries(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false });
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add((await ws.NewVisitorAsync($"Visitor {i}")).ConversationId);

        var queue = await ws.Operator.GetAsync<QueueResponse>("/api/v1/queue");
        Assert.Equal(ids, queue.Items.Select(c => c.Id));
        Assert.Equal(3, queue.Waiting);

        var mutationId = WorkflowClient.NewId();
        var first = await ws.Operator.ClaimAsync(mutationId: mutationId);
        Assert.Equal(ids[0], first.Conversation.Id);
        Assert.Equal((ConversationState.Assigned, ws.OperatorId), (first.Conversation.State, first.Conversation.AssigneeId));
        var claimed = (await app.ConversationEventsAsync(ws.Id, ids[0], first.Seq - 1)).Single();
        Assert.Equal(("claimed", "member", ws.OperatorId), (claimed.Change, claimed.ActorType, claimed.Conversation!.AssigneeId));

        // A retried claim answers with the first result instead of claiming a second conversation.
        var retried = await ws.Operator.ClaimAsync(mutationId: mutationId);
        Assert.True(retried.Replayed);
        Assert.Equal((ids[0], first.Seq), (retried.Conversation.Id, retried.Seq));

        await (await ws.Admin.TryClaimAsync(ids[0])).AssertProblemAsync(HttpStatusCode.Conflict, "conversation_not_queued");
        // The same operator claiming it again (a second tab, a new mutation id): it is theirs, nothing is written.
        var head = await app.CursorAsync(ws.Id);
        var againId = WorkflowClient.NewId();
        var again = await ws.Operator.ClaimAsync(ids[0], againId);
        Assert.Equal((ids[0], ws.OperatorId, head), (again.Conversation.Id, again.Conversation.AssigneeId, again.Seq));
        Assert.Equal(head, await app.CursorAsync(ws.Id));
        var againReplayed = await ws.Operator.ClaimAsync(ids[0], againId);
        Assert.Equal((true, ids[0], head), (againReplayed.Replayed, againReplayed.Conversation.Id, againReplayed.Seq));
        var specific = await ws.Admin.ClaimAsync(ids[2]);
        Assert.Equal((ids[2], ws.AdminId), (specific.Conversation.Id, specific.Conversation.AssigneeId));

        await ws.SetCapacityAsync(ws.OperatorId, 1);
        await (await ws.Operator.TryClaimAsync()).AssertProblemAsync(HttpStatusCode.Conflict, "capacity_reached");
        // At capacity, claiming the conversation one already owns still answers: it takes no more room.
        Assert.Equal(ws.OperatorId, (await ws.Operator.ClaimAsync(ids[0])).Conversation.AssigneeId);

        Assert.Equal(ids[1], (await ws.Admin.ClaimAsync()).Conversation.Id);
        await (await ws.Admin.TryClaimAsync()).AssertProblemAsync(HttpStatusCode.Conflict, "queue_empty");
        Assert.Empty((await ws.Operator.GetAsync<QueueResponse>("/api/v1/queue")).Items);
    }

    [Theory, BothDatabases]
    public async Task TwentyOperatorsClaimingConcurrentlyNeverShareAConversationOrExceedCapacity(DatabaseKind db)
    {
        const int Operators = 20, Conversations = 100;
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false }, extraOperators: Operators - 1);
        var team = new List<(long Id, HttpClient Client, int Capacity)> { (ws.OperatorId, ws.Operator, 5) };
        foreach (var (id, email) in ws.ExtraOperators) team.Add((id, await app.LoginAsync(email), team.Count < 10 ? 5 : 3));
        foreach (var member in team) await ws.SetCapacityAsync(member.Id, member.Capacity);
        var start = await app.CursorAsync(ws.Id);
        for (var i = 0; i < Conversations; i += 10)
            await Task.WhenAll(Enumerable.Range(i, 10).Select(n => ws.NewVisitorAsync($"Visitor {n}")));

        var results = await Task.WhenAll(team.Select(async member =>
        {
            var mine = new List<long>();
            while (true)
            {
                var response = await member.Client.TryClaimAsync();
                if (response.StatusCode == HttpStatusCode.Conflict)
                    return (member, mine, Refusal: await response.AssertProblemAsync(HttpStatusCode.Conflict));
                mine.Add((await response.ReadAsync<Conversations.ConversationWriteResponse>()).Conversation.Id);
            }
        }));

        var capacity = team.Sum(m => m.Capacity);
        var claimed = results.SelectMany(r => r.mine).ToList();
        Assert.Equal(capacity, claimed.Count);
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        foreach (var (member, mine, refusal) in results)
        {
            Assert.Equal(member.Capacity, mine.Count);
            Assert.Equal("capacity_reached", refusal);
        }

        var queue = await ws.Admin.GetAsync<QueueResponse>("/api/v1/queue?limit=200");
        Assert.Equal(Conversations - capacity, queue.Waiting);
        var claimEvents = (await app.EventsAsync(ws.Id, start)).Where(e => e.Change == "claimed").ToList();
        Assert.Equal(claimed.Order(), claimEvents.Select(e => e.ConversationId!.Value).Order());
        foreach (var (member, mine, _) in results)
            Assert.All(claimEvents.Where(e => mine.Contains(e.ConversationId!.Value)), e => Assert.Equal(member.Id, e.Conversation!.AssigneeId));
    }
}
