using Switchboard.Core.Conversations;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Workflow;

public sealed class AutoAssignmentTests
{
    [Theory, BothDatabases]
    public async Task QueuedConversationsGoRoundRobinToOnlineOperatorsWithRoom(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false, AssignmentPolicy = AssignmentPolicy.Auto }, extraOperators: 2);
        var (secondId, secondEmail) = ws.ExtraOperators[0];
        var (lateId, lateEmail) = ws.ExtraOperators[1];
        var second = await app.LoginAsync(secondEmail);
        await ws.Admin.SetPresenceAsync("away"); // admins take conversations too, unless away
        await ws.Operator.SetPresenceAsync("online");
        await second.SetPresenceAsync("online");

        var ids = new List<long>();
        for (var i = 0; i < 4; i++) ids.Add((await ws.NewVisitorAsync()).ConversationId);
        var owners = new List<long?>();
        foreach (var id in ids)
        {
            var c = await ws.Admin.ConversationAsync(id);
            Assert.Equal(ConversationState.Assigned, c.State);
            owners.Add(c.AssigneeId);
        }
        Assert.Equal(2, owners.Count(o => o == ws.OperatorId));
        Assert.Equal(2, owners.Count(o => o == secondId));
        Assert.NotEqual(owners[0], owners[1]); // alternating, not filling one operator first
        var assignedEvents = (await app.EventsAsync(ws.Id)).Where(e => e.Change == "assigned").ToList();
        Assert.Equal(4, assignedEvents.Count);
        Assert.All(assignedEvents, e => Assert.Equal("system", e.ActorType));

        // Both full: a new conversation waits ...
        await ws.SetCapacityAsync(ws.OperatorId, 2);
        await ws.SetCapacityAsync(secondId, 2);
        var waiting = (await ws.NewVisitorAsync()).ConversationId;
        Assert.Equal(ConversationState.Queued, (await ws.Admin.ConversationAsync(waiting)).State);

        // ... until an operator comes online, and goes to them.
        var late = await app.LoginAsync(lateEmail);
        await late.SetPresenceAsync("online");
        var taken = await ws.Admin.ConversationAsync(waiting);
        Assert.Equal((ConversationState.Assigned, lateId), (taken.State, taken.AssigneeId));

        // Freeing capacity (resolving) pulls the next waiting conversation.
        await ws.SetCapacityAsync(lateId, 1);
        var next = (await ws.NewVisitorAsync()).ConversationId;
        Assert.Equal(ConversationState.Queued, (await ws.Admin.ConversationAsync(next)).State);
        await second.PatchConversationAsync(ids[owners.IndexOf(secondId)], new { mutationId = WorkflowClient.NewId(), resolved = true });
        Assert.Equal(secondId, (await ws.Admin.ConversationAsync(next)).AssigneeId);
    }
}
