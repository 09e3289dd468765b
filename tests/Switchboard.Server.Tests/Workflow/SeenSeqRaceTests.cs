using Switchboard.Core.Conversations;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Workflow;

/// <summary>The <c>seenSeq</c> race of DESIGN §3, both ways, with <c>releaseOnReply</c> on.</summary>
public sealed class SeenSeqRaceTests
{
    [Theory, BothDatabases]
    public async Task OperatorStaysAssignedWhenTheCustomerWroteAfterWhatTheOperatorSaw(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false, ReleaseOnReply = true });
        var visitor = await ws.NewVisitorAsync();
        var id = visitor.ConversationId;
        var question = await visitor.WriteAsync("Can I change my address?");
        await ws.Operator.ClaimAsync(id);

        // The operator's client has applied the question; the customer adds to it before the reply arrives.
        var seen = question.Seq;
        await visitor.WriteAsync("It's for order 4711.");
        var raced = await ws.Operator.ReplyAsync(id, "Yes, which order?", seenSeq: seen);
        Assert.True(raced.CustomerWroteMeanwhile);
        Assert.Equal((ConversationState.Assigned, ws.OperatorId), (raced.Conversation.State, raced.Conversation.AssigneeId));
        var racedEvent = (await app.EventsAsync(ws.Id, raced.Seq - 1)).Single();
        Assert.Equal(ws.OperatorId, racedEvent.Conversation!.AssigneeId);

        // Having seen everything, the next reply releases the operator as the workspace asks.
        var calm = await ws.Operator.ReplyAsync(id, "Done, 4711 goes to the new address.", seenSeq: await app.CursorAsync(ws.Id));
        Assert.False(calm.CustomerWroteMeanwhile);
        Assert.Equal(ConversationState.WaitingCustomer, calm.Conversation.State);
        Assert.Null(calm.Conversation.AssigneeId);
        Assert.Null((await app.EventsAsync(ws.Id, calm.Seq - 1)).Single().Conversation!.AssigneeId);
    }
}
