using System.Net;
using Switchboard.Core.Conversations;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Workflow;

/// <summary>DESIGN §3 through the API: each step checks the state, the assignee and the event it appended.</summary>
public sealed class ConversationTransitionTests
{
    [Theory, BothDatabases]
    public async Task CustomerMessagesMoveWaitingAndResolvedConversations(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { ReopenTo = ReopenTarget.Bot });
        var visitor = await ws.NewVisitorAsync();
        var id = visitor.ConversationId;

        // bot stays bot
        var hello = await visitor.WriteAsync("Hello?");
        Assert.Equal(ConversationState.Bot, hello.Conversation.State);

        // An operator writing in a bot conversation takes it over.
        var takeover = await ws.Operator.ReplyAsync(id, "Hi, a human here.");
        Assert.Equal(ConversationState.WaitingCustomer, takeover.Conversation.State);
        Assert.Equal(ws.OperatorId, takeover.Conversation.AssigneeId);
        Assert.False(takeover.Conversation.BotActive);
        var created = Assert.Single(await app.EventsAsync(ws.Id, takeover.Seq - 1));
        Assert.Equal("message.created", created.Type);
        Assert.Equal(ws.OperatorId, created.Conversation!.AssigneeId);

        // waiting_customer goes back to its assignee
        var back = await visitor.WriteAsync("Thanks, one more thing");
        var assigned = await ws.Operator.ConversationAsync(id);
        Assert.Equal(ConversationState.Assigned, assigned.State);
        Assert.Equal(ws.OperatorId, assigned.AssigneeId);
        Assert.Equal(ConversationState.Assigned, (await app.EventsAsync(ws.Id, back.Seq - 1)).Single(e => e.Seq == back.Seq).Conversation!.State);

        // resolved reopens to the bot (workspace setting)
        var resolved = await ws.Operator.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), resolved = true });
        Assert.Equal(ConversationState.Resolved, resolved.Conversation.State);
        Assert.Equal("resolved", (await app.ConversationEventsAsync(ws.Id, id, resolved.Seq - 1)).Single().Change);
        await visitor.WriteAsync("Me again");
        var reopenedToBot = await ws.Operator.ConversationAsync(id);
        Assert.Equal(ConversationState.Bot, reopenedToBot.State);
        Assert.True(reopenedToBot.BotActive);
        Assert.Null(reopenedToBot.AssigneeId);

        // ... or to the queue
        await (await ws.Admin.PatchJsonAsync("/api/v1/workspace", new { reopenTo = "queued" })).ReadAsync<object>();
        await ws.Operator.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), resolved = true });
        var again = await visitor.WriteAsync("And again");
        Assert.Equal(ConversationState.Queued, (await ws.Operator.ConversationAsync(id)).State);
        Assert.Equal(ConversationState.Queued, (await app.EventsAsync(ws.Id, again.Seq - 1)).First().Conversation!.State);
    }

    [Theory, BothDatabases]
    public async Task ReleaseOnReplyUnassignsAndTheNextCustomerMessageQueues(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false, ReleaseOnReply = true });
        var visitor = await ws.NewVisitorAsync();
        var asked = await visitor.WriteAsync("Where is my order?");
        await ws.Operator.ClaimAsync(visitor.ConversationId);

        var reply = await ws.Operator.ReplyAsync(visitor.ConversationId, "On its way.", seenSeq: asked.Seq);
        Assert.False(reply.CustomerWroteMeanwhile);
        Assert.Equal(ConversationState.WaitingCustomer, reply.Conversation.State);
        Assert.Null(reply.Conversation.AssigneeId);

        var next = await visitor.WriteAsync("Thanks! And the invoice?");
        var queued = await ws.Operator.ConversationAsync(visitor.ConversationId);
        Assert.Equal(ConversationState.Queued, queued.State);
        Assert.Null(queued.AssigneeId);
        Assert.Equal(ConversationState.Queued, (await app.EventsAsync(ws.Id, next.Seq - 1)).First().Conversation!.State);
    }

    [Theory, BothDatabases]
    public async Task BotSwitchAndHandoffMoveBetweenBotQueueAndAssignee(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var id = visitor.ConversationId;

        var off = await ws.Operator.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), botActive = false });
        Assert.Equal(ConversationState.Queued, off.Conversation.State);
        Assert.Equal("bot_off", (await app.ConversationEventsAsync(ws.Id, id, off.Seq - 1)).Single().Change);

        var on = await ws.Operator.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), botActive = true });
        Assert.Equal(ConversationState.Bot, on.Conversation.State);
        Assert.Equal("bot_on", (await app.ConversationEventsAsync(ws.Id, id, on.Seq - 1)).Single().Change);

        var handoff = await (await ws.Admin.PostJsonAsync($"/api/v1/conversations/{id}/handoff",
            new { mutationId = WorkflowClient.NewId(), reason = "The customer asked for a human" })).ReadAsync<Conversations.ConversationWriteResponse>();
        Assert.Equal(ConversationState.Queued, handoff.Conversation.State);
        Assert.Equal("The customer asked for a human", handoff.Conversation.HandoffReason);
        var handoffEvent = (await app.ConversationEventsAsync(ws.Id, id, handoff.Seq - 1)).Single();
        Assert.Equal("handoff", handoffEvent.Change);
        Assert.False(handoffEvent.Conversation!.BotActive);

        var notBot = await ws.Admin.PostJsonAsync($"/api/v1/conversations/{id}/handoff", new { mutationId = WorkflowClient.NewId(), reason = "again" });
        await notBot.AssertProblemAsync(HttpStatusCode.Conflict, "conversation_not_bot");

        // With an assignee, switching the bot off hands the conversation to them rather than the queue.
        await ws.Admin.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), assigneeId = ws.OperatorId });
        await ws.Admin.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), botActive = true });
        var toAssignee = await ws.Admin.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), botActive = false });
        Assert.Equal(ConversationState.Assigned, toAssignee.Conversation.State);
        Assert.Equal(ws.OperatorId, toAssignee.Conversation.AssigneeId);
    }

    [Theory, BothDatabases]
    public async Task AdminAssignsUnassignsResolvesAndReopens(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false });
        var id = (await ws.NewVisitorAsync()).ConversationId;

        var forbidden = await ws.Operator.PatchJsonAsync($"/api/v1/conversations/{id}", new { mutationId = WorkflowClient.NewId(), assigneeId = ws.AdminId });
        await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden, "assign_forbidden");

        var assigned = await ws.Admin.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), assigneeId = ws.OperatorId });
        Assert.Equal((ConversationState.Assigned, ws.OperatorId), (assigned.Conversation.State, assigned.Conversation.AssigneeId));
        var assignedEvent = (await app.ConversationEventsAsync(ws.Id, id, assigned.Seq - 1)).Single();
        Assert.Equal(("assigned", "member"), (assignedEvent.Change, assignedEvent.ActorType));

        var unassigned = await ws.Admin.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), assigneeId = (long?)null });
        Assert.Equal(ConversationState.Queued, unassigned.Conversation.State);
        Assert.Null(unassigned.Conversation.AssigneeId);
        Assert.Equal("unassigned", (await app.ConversationEventsAsync(ws.Id, id, unassigned.Seq - 1)).Single().Change);

        await ws.Operator.ClaimAsync(id);
        var resolved = await ws.Operator.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), resolved = true });
        Assert.Equal(ConversationState.Resolved, resolved.Conversation.State);
        var reopened = await ws.Operator.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), resolved = false });
        Assert.Equal((ConversationState.Assigned, ws.OperatorId), (reopened.Conversation.State, reopened.Conversation.AssigneeId));
        Assert.Equal("reopened", (await app.ConversationEventsAsync(ws.Id, id, reopened.Seq - 1)).Single().Change);
    }
}
