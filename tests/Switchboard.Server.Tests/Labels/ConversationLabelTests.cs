using System.Net;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Labels;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Labels;

/// <summary>Labels on a conversation: idempotent add and remove, carried by its snapshot for the team only, filterable, cleared by deletion.</summary>
public sealed class ConversationLabelTests
{
    [Theory, BothDatabases]
    public async Task AddingAndRemovingIsOneEventEachAndRepeatsChangeNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var (billing, vip) = (await ws.Admin.CreateLabelAsync("Billing"), await ws.Admin.CreateLabelAsync("VIP"));
        var visitor = await ws.NewVisitorAsync();
        var cursor = await app.CursorAsync(ws.Id);

        var added = await (await ws.Operator.ChangeLabelsAsync(visitor.ConversationId, "add-1", add: [vip.Id, billing.Id])).ReadAsync<ConversationWriteResponse>();
        Assert.Equal([billing.Id, vip.Id], added.Conversation.LabelIds!.Order());
        var again = await (await ws.Operator.ChangeLabelsAsync(visitor.ConversationId, "add-2", add: [billing.Id])).ReadAsync<ConversationWriteResponse>();
        Assert.Equal(added.Conversation.Version, again.Conversation.Version); // already there: nothing changes
        var replay = await (await ws.Operator.ChangeLabelsAsync(visitor.ConversationId, "add-1", add: [vip.Id, billing.Id])).ReadAsync<ConversationWriteResponse>();
        Assert.True(replay.Replayed);
        Assert.Equal(added.Seq, replay.Seq);
        var removed = await (await ws.Operator.ChangeLabelsAsync(visitor.ConversationId, "rm-1", remove: [billing.Id])).ReadAsync<ConversationWriteResponse>();
        Assert.Equal([vip.Id], removed.Conversation.LabelIds);
        var notThere = await (await ws.Operator.ChangeLabelsAsync(visitor.ConversationId, "rm-2", remove: [billing.Id])).ReadAsync<ConversationWriteResponse>();
        Assert.Equal(removed.Conversation.Version, notThere.Conversation.Version);

        var events = await LoggedEvents.AfterAsync(app, ws.Id, cursor);
        Assert.Equal([added.Seq, removed.Seq], events.Where(e => e.ConversationId == visitor.ConversationId).Select(e => e.Seq));
        var last = events.Single(e => e.Seq == removed.Seq);
        Assert.Equal("labels_changed", last.Payload.GetProperty("data").GetProperty("change").GetString());
        Assert.Equal(vip.Id, Assert.Single(last.Payload.GetProperty("data").GetProperty("conversation").GetProperty("labelIds").EnumerateArray()).GetInt64());
        // The visitor's copy of the same event, and their own reads, carry no labels.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last.PublicPayload!.Value.GetProperty("data").GetProperty("conversation").GetProperty("labelIds").ValueKind);
        Assert.Null((await visitor.Client.GetAsync<ConversationResponse>($"/api/v1/conversations/{visitor.ConversationId}")).LabelIds);
    }

    [Theory, BothDatabases]
    public async Task LabelsSurviveTheConversationsOtherChanges(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var vip = await ws.Admin.CreateLabelAsync("VIP");
        var visitor = await ws.NewVisitorAsync();
        await ws.Operator.AddLabelsAsync(visitor.ConversationId, vip.Id);

        await (await visitor.SayAsync("still there?")).ReadAsync<System.Text.Json.JsonElement>(HttpStatusCode.Created);
        var patched = await (await ws.Operator.PatchJsonAsync($"/api/v1/conversations/{visitor.ConversationId}", new { mutationId = "off-1", botActive = false }))
            .ReadAsync<ConversationWriteResponse>();

        Assert.Equal([vip.Id], patched.Conversation.LabelIds);
        var lastEvent = (await app.ConversationEventsAsync(ws.Id, visitor.ConversationId))[^1];
        Assert.Equal([vip.Id], lastEvent.Conversation!.LabelIds);
    }

    [Theory, BothDatabases]
    public async Task BadChangesAreRefusedAndChangeNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var vip = await ws.Admin.CreateLabelAsync("VIP");
        var visitor = await ws.NewVisitorAsync();
        var other = await TestWorkspace.CreateAsync(app);
        var foreign = await other.Admin.CreateLabelAsync("Foreign");
        var cursor = await app.CursorAsync(ws.Id);

        await (await ws.Operator.ChangeLabelsAsync(visitor.ConversationId, "x-1")).AssertProblemAsync(HttpStatusCode.BadRequest, "patch_empty");
        await (await ws.Operator.ChangeLabelsAsync(visitor.ConversationId, "x-2", add: [vip.Id], remove: [vip.Id])).AssertProblemAsync(HttpStatusCode.BadRequest, "labels_conflict");
        await (await ws.Operator.ChangeLabelsAsync(visitor.ConversationId, "x-3", add: [foreign.Id])).AssertProblemAsync(HttpStatusCode.BadRequest, "label_not_found");
        await (await ws.Operator.ChangeLabelsAsync(999999, "x-4", add: [vip.Id])).AssertProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await ws.Operator.PostJsonAsync($"/api/v1/conversations/{visitor.ConversationId}/labels", new { add = new[] { vip.Id } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "mutation_id_invalid");

        Assert.DoesNotContain(await LoggedEvents.AfterAsync(app, ws.Id, cursor), e => e.ConversationId is not null);
        Assert.Empty(await ws.Operator.LabelIdsOfAsync(visitor.ConversationId));
    }

    [Theory, BothDatabases]
    public async Task TheListFiltersByLabel(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var (l1, l11) = (await ws.Admin.CreateLabelAsync("One"), await ws.Admin.CreateLabelAsync("Eleven"));
        var visitors = new List<TestVisitor>();
        for (var i = 0; i < 3; i++) visitors.Add(await ws.NewVisitorAsync($"customer {i}"));
        await ws.Operator.AddLabelsAsync(visitors[0].ConversationId, l1.Id);
        await ws.Operator.AddLabelsAsync(visitors[1].ConversationId, l1.Id, l11.Id);
        await ws.Operator.AddLabelsAsync(visitors[2].ConversationId, l11.Id);

        async Task<long[]> Filter(string query) =>
            (await ws.Operator.GetAsync<ItemsResponse<ConversationResponse>>($"/api/v1/conversations?{query}")).Items.Select(c => c.Id).Order().ToArray();
        Assert.Equal([visitors[0].ConversationId, visitors[1].ConversationId], await Filter($"labelId={l1.Id}"));
        Assert.Equal([visitors[1].ConversationId, visitors[2].ConversationId], await Filter($"labelId={l11.Id}"));
        Assert.Equal([visitors[1].ConversationId], await Filter($"labelId={l11.Id}&q=customer 1"));
        Assert.Empty(await Filter("labelId=999999"));
    }

    [Theory, BothDatabases]
    public async Task DeletingALabelTakesItOffEveryConversation(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var (billing, vip) = (await ws.Admin.CreateLabelAsync("Billing"), await ws.Admin.CreateLabelAsync("VIP"));
        var (a, b) = (await ws.NewVisitorAsync("a"), await ws.NewVisitorAsync("b"));
        await ws.Operator.AddLabelsAsync(a.ConversationId, billing.Id, vip.Id);
        await ws.Operator.AddLabelsAsync(b.ConversationId, billing.Id);
        var cursor = await app.CursorAsync(ws.Id);

        var deleted = await (await ws.Admin.DeleteAsync($"/api/v1/labels/{billing.Id}?mutationId=del-1")).ReadAsync<LabelDeletedResponse>();

        Assert.Equal(2, deleted.ConversationsChanged);
        Assert.Equal([vip.Id], await ws.Operator.LabelIdsOfAsync(a.ConversationId));
        Assert.Empty(await ws.Operator.LabelIdsOfAsync(b.ConversationId));
        var events = await LoggedEvents.AfterAsync(app, ws.Id, cursor);
        Assert.Equal(["conversation.updated", "conversation.updated", "label.deleted"], events.Select(e => e.Type));
        Assert.Equal(deleted.Seq, events[^1].Seq);
        Assert.Null(events[^1].PublicPayload);
        Assert.Equal(billing.Id, events[^1].Payload.GetProperty("data").GetProperty("id").GetInt64());
        Assert.Equal(vip.Id, Assert.Single((await ws.Admin.GetAsync<ItemsResponse<LabelResponse>>("/api/v1/labels")).Items).Id);
        // A retried delete answers as the first did; adding the deleted label now is refused.
        Assert.Equal(deleted.Seq, (await (await ws.Admin.DeleteAsync($"/api/v1/labels/{billing.Id}?mutationId=del-1")).ReadAsync<LabelDeletedResponse>()).Seq);
        await (await ws.Operator.ChangeLabelsAsync(a.ConversationId, "late", add: [billing.Id])).AssertProblemAsync(HttpStatusCode.BadRequest, "label_not_found");
    }
}
