using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Conversations;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Errors;
using Switchboard.Server.Queue;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Snooze;

public sealed class SnoozeTests
{
    static readonly WorkspaceSettings NoBot = new() { BotEnabled = false };

    [Theory, BothDatabases]
    public async Task SnoozedUntilReplyLeavesTheActiveListsAndTheQueueAndTheCustomerWakesItWithAMarker(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, NoBot);
        var visitor = await ws.NewVisitorAsync();
        var other = await ws.NewVisitorAsync("Olga Other");
        var id = visitor.ConversationId;
        var queuedAt = (await ws.Operator.ConversationAsync(id)).QueuedAt;
        using var watcher = new EventWatcher(app, ws.Id);

        var snoozed = await ws.Operator.SnoozeUntilReplyAsync(id);
        Assert.True(snoozed.Conversation.SnoozeUntilReply);
        Assert.Null(snoozed.Conversation.SnoozedUntil);
        var evt = await watcher.WaitAsync(e => e.ConversationId == id && e.Change == "snoozed");
        Assert.Equal(snoozed.Seq, evt.Seq);
        Assert.True(evt.Conversation!.SnoozeUntilReply);

        // Out of the active lists, the queue and its count; listed under snoozed=true (and any).
        Assert.Equal([other.ConversationId], await ws.Operator.ListIdsAsync());
        Assert.Equal([id], await ws.Operator.ListIdsAsync("?snoozed=true"));
        Assert.Equal(2, (await ws.Operator.ListIdsAsync("?snoozed=any")).Length);
        var queue = await ws.Operator.GetAsync<QueueResponse>("/api/v1/queue");
        Assert.Equal(1, queue.Waiting);
        Assert.Equal([other.ConversationId], queue.Items.Select(c => c.Id));

        // Team-only: the visitor's answer never says it sleeps, and the snooze's event has no public copy at all.
        var own = await visitor.Client.GetAsync<JsonElement>($"/api/v1/conversations/{id}");
        Assert.False(own.GetProperty("snoozeUntilReply").GetBoolean());
        Assert.Equal(JsonValueKind.Null, own.GetProperty("wakeReason").ValueKind);
        var stored = (await LoggedEvents.AfterAsync(app, ws.Id, evt.Seq - 1)).Single(e => e.Seq == evt.Seq);
        Assert.Null(stored.PublicPayload);

        // The customer writes: the same write wakes it, with the marker, back in its place in the queue.
        var reply = await visitor.WriteAsync("Any news?");
        var woke = await watcher.WaitAsync(e => e.Type == "message.created" && e.Seq == reply.Seq);
        Assert.Equal((false, null, WakeReason.CustomerReplied), (woke.Conversation!.SnoozeUntilReply, woke.Conversation.SnoozedUntil, woke.Conversation.WakeReason));
        var visitorCopy = (await LoggedEvents.AfterAsync(app, ws.Id, reply.Seq - 1)).Single(e => e.Seq == reply.Seq).PublicPayload!.Value;
        Assert.Equal(JsonValueKind.Null, visitorCopy.GetProperty("data").GetProperty("conversation").GetProperty("wakeReason").ValueKind);
        var back = await ws.Operator.ConversationAsync(id);
        Assert.Equal((ConversationState.Queued, queuedAt, WakeReason.CustomerReplied), (back.State, back.QueuedAt, back.WakeReason));
        Assert.Equal(2, (await ws.Operator.GetAsync<QueueResponse>("/api/v1/queue")).Waiting);

        // Answering deals with it: the marker goes.
        await ws.Operator.ClaimAsync(id);
        var answered = await ws.Operator.ReplyAsync(id, "Here it is.");
        Assert.Null(answered.Conversation.WakeReason);
    }

    [Theory, BothDatabases]
    public async Task BadSnoozesAreRefusedWithTheirCodeAndChangeNothing(DatabaseKind db)
    {
        var clock = new ManualClock();
        await using var app = await TestApp.StartAsync(db, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var ws = await TestWorkspace.CreateAsync(app, NoBot);
        var visitor = await ws.NewVisitorAsync();
        var id = visitor.ConversationId;
        var now = clock.GetUtcNow();
        var cursor = await app.CursorAsync(ws.Id);

        string M() => WorkflowClient.NewId();
        await (await ws.Operator.TrySnoozeAsync(id, new { mutationId = M(), until = now.AddMinutes(-1) })).AssertProblemAsync(HttpStatusCode.BadRequest, "snooze_until_invalid");
        await (await ws.Operator.TrySnoozeAsync(id, new { mutationId = M(), until = now })).AssertProblemAsync(HttpStatusCode.BadRequest, "snooze_until_invalid");
        await (await ws.Operator.TrySnoozeAsync(id, new { mutationId = M(), until = now.AddDays(366) })).AssertProblemAsync(HttpStatusCode.BadRequest, "snooze_until_invalid");
        await (await ws.Operator.TrySnoozeAsync(id, new { mutationId = M() })).AssertProblemAsync(HttpStatusCode.BadRequest, "snooze_invalid");
        await (await ws.Operator.TrySnoozeAsync(id, new { mutationId = M(), until = now.AddHours(1), untilReply = true })).AssertProblemAsync(HttpStatusCode.BadRequest, "snooze_invalid");
        await (await ws.Operator.TrySnoozeAsync(id, new { until = now.AddHours(1) })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await ws.Operator.TrySnoozeAsync(id + 1000, new { mutationId = M(), untilReply = true })).AssertProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        // Visitors may neither snooze nor unsnooze, not even their own conversation.
        await (await visitor.Client.TrySnoozeAsync(id, new { mutationId = M(), untilReply = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await visitor.Client.PostJsonAsync($"/api/v1/conversations/{id}/unsnooze", new { mutationId = M() })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(cursor, await app.CursorAsync(ws.Id));
        Assert.False((await ws.Operator.ConversationAsync(id)).SnoozeUntilReply);

        await ws.Operator.PatchConversationAsync(id, new { mutationId = M(), resolved = true });
        cursor = await app.CursorAsync(ws.Id);
        await (await ws.Operator.TrySnoozeAsync(id, new { mutationId = M(), untilReply = true })).AssertProblemAsync(HttpStatusCode.Conflict, "conversation_resolved");
        Assert.Equal(cursor, await app.CursorAsync(ws.Id));
    }

    [Theory, BothDatabases]
    public async Task ARetriedSnoozeIsAnsweredNotRepeatedAndResolvingEndsTheSnooze(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, NoBot);
        var id = (await ws.NewVisitorAsync()).ConversationId;

        var first = await ws.Operator.SnoozeUntilReplyAsync(id, "snooze-once");
        var again = await ws.Operator.SnoozeUntilReplyAsync(id, "snooze-once");
        Assert.Equal((first.Seq, false, true), (again.Seq, first.Replayed, again.Replayed));
        Assert.Single(await app.ConversationEventsAsync(ws.Id, id, first.Seq - 1));
        await (await ws.Operator.TrySnoozeAsync(id, new { mutationId = "snooze-once", until = DateTimeOffset.UtcNow.AddHours(2) }))
            .AssertProblemAsync(HttpStatusCode.Conflict, ErrorCodes.IdempotencyConflict);
        // Snoozing again the same way changes nothing: no event, confirmed at the current cursor.
        var same = await ws.Operator.SnoozeUntilReplyAsync(id);
        Assert.Equal(first.Seq, same.Seq);

        var unsnoozed = await ws.Operator.UnsnoozeAsync(id, "unsnooze-once");
        Assert.Equal((false, null), (unsnoozed.Conversation.SnoozeUntilReply, unsnoozed.Conversation.WakeReason));
        Assert.Equal(unsnoozed.Seq, (await ws.Operator.UnsnoozeAsync(id, "unsnooze-once")).Seq);
        Assert.Equal("unsnoozed", (await app.ConversationEventsAsync(ws.Id, id, first.Seq)).Single().Change);

        await ws.Operator.SnoozeUntilReplyAsync(id);
        var resolved = await ws.Operator.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), resolved = true });
        Assert.Equal((ConversationState.Resolved, false), (resolved.Conversation.State, resolved.Conversation.SnoozeUntilReply));
    }

    [Theory, BothDatabases]
    public async Task ASnoozedQueuedConversationIsNotAutoAssignedUntilItWakes(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, NoBot with { AssignmentPolicy = AssignmentPolicy.Auto });
        await ws.Operator.SetPresenceAsync("away");
        await ws.Admin.SetPresenceAsync("away");
        var visitor = await ws.NewVisitorAsync();
        await ws.Operator.SnoozeUntilReplyAsync(visitor.ConversationId);

        await ws.Operator.SetPresenceAsync("online");
        Assert.Null((await ws.Operator.ConversationAsync(visitor.ConversationId)).AssigneeId);

        await visitor.WriteAsync("Still there?");
        var woke = await ws.Operator.ConversationAsync(visitor.ConversationId);
        Assert.Equal((ConversationState.Assigned, ws.OperatorId, WakeReason.CustomerReplied), (woke.State, woke.AssigneeId, woke.WakeReason));
    }
}
