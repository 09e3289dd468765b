using System.Net;
using Switchboard.Server.Common;
using Switchboard.Server.Labels;
using Switchboard.Server.Sync;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Labels;

/// <summary>The workspace's label set: admins create, rename, recolour and delete; every change is a team-only event.</summary>
public sealed class LabelSetTests
{
    [Theory, BothDatabases]
    public async Task AdminCreatesRenamesRecoloursAndEveryChangeIsATeamOnlyEvent(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var cursor = await app.CursorAsync(ws.Id);

        var created = await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { name = "  Billing ", colour = "#1F77B4", description = "Invoices" }))
            .ReadAsync<WriteResponse<LabelResponse>>(HttpStatusCode.Created);
        Assert.Equal(("Billing", "#1f77b4", "Invoices", 1L), (created.Data.Name, created.Data.Colour, created.Data.Description, created.Data.Version));
        var renamed = await (await ws.Admin.PatchJsonAsync($"/api/v1/labels/{created.Data.Id}", new { name = "Payments", colour = "#ff0000", description = "" }))
            .ReadAsync<WriteResponse<LabelResponse>>();
        Assert.Equal(("Payments", "#ff0000", (string?)null, 2L), (renamed.Data.Name, renamed.Data.Colour, renamed.Data.Description, renamed.Data.Version));

        var events = (await LoggedEvents.AfterAsync(app, ws.Id, cursor)).Where(e => e.Type == "label.updated").ToList();
        Assert.Equal([created.Seq, renamed.Seq], events.Select(e => e.Seq));
        Assert.All(events, e => Assert.Null(e.PublicPayload)); // visitors' streams never carry it
        Assert.Equal("Payments", events[1].Payload.GetProperty("data").GetProperty("name").GetString());

        var list = await ws.Operator.GetAsync<ItemsResponse<LabelResponse>>("/api/v1/labels");
        Assert.Equal("Payments", Assert.Single(list.Items).Name);
        var snapshot = await ws.Operator.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot");
        Assert.Equal(created.Data.Id, Assert.Single(snapshot.Labels!).Id);
    }

    [Theory, BothDatabases]
    public async Task BadInputIsRefusedWithItsCodeAndChangesNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var billing = await ws.Admin.CreateLabelAsync("Billing");
        var cursor = await app.CursorAsync(ws.Id);

        await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { name = "  ", colour = "#000000" })).AssertProblemAsync(HttpStatusCode.BadRequest, "label_name_invalid");
        await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { name = new string('x', 41), colour = "#000000" })).AssertProblemAsync(HttpStatusCode.BadRequest, "label_name_invalid");
        await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { name = "Red", colour = "red" })).AssertProblemAsync(HttpStatusCode.BadRequest, "label_colour_invalid");
        await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { name = "Red", colour = "#ff000" })).AssertProblemAsync(HttpStatusCode.BadRequest, "label_colour_invalid");
        await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { name = "Red", colour = "#ff0000", description = new string('d', 201) }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "label_description_invalid");
        await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { name = "BILLING", colour = "#000000" })).AssertProblemAsync(HttpStatusCode.Conflict, "label_name_taken");
        var other = await ws.Admin.CreateLabelAsync("Other");
        cursor = await app.CursorAsync(ws.Id);
        await (await ws.Admin.PatchJsonAsync($"/api/v1/labels/{other.Id}", new { name = "billing" })).AssertProblemAsync(HttpStatusCode.Conflict, "label_name_taken");
        await (await ws.Admin.PatchJsonAsync($"/api/v1/labels/{other.Id}", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "patch_empty");
        await (await ws.Admin.PatchJsonAsync("/api/v1/labels/999999", new { name = "x" })).AssertProblemAsync(HttpStatusCode.NotFound, "label_not_found");
        await (await ws.Admin.DeleteAsync("/api/v1/labels/999999")).AssertProblemAsync(HttpStatusCode.NotFound, "label_not_found");

        Assert.Empty(await LoggedEvents.AfterAsync(app, ws.Id, cursor));
        Assert.Equal(["Billing", "Other"], (await ws.Admin.GetAsync<ItemsResponse<LabelResponse>>("/api/v1/labels")).Items.Select(l => l.Name));
        Assert.Equal(billing.Id, (await ws.Admin.GetAsync<ItemsResponse<LabelResponse>>("/api/v1/labels")).Items[0].Id);
    }

    [Theory, BothDatabases]
    public async Task OnlyAdminsChangeTheSetAndVisitorsCannotReachIt(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var label = await ws.Admin.CreateLabelAsync("Billing");
        var visitor = await ws.NewVisitorAsync();

        await (await ws.Operator.PostJsonAsync("/api/v1/labels", new { name = "Mine", colour = "#000000" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ws.Operator.PatchJsonAsync($"/api/v1/labels/{label.Id}", new { name = "Mine" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ws.Operator.DeleteAsync($"/api/v1/labels/{label.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await visitor.Client.GetAsync("/api/v1/labels")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await visitor.Client.ChangeLabelsAsync(visitor.ConversationId, "v-1", add: [label.Id])).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await visitor.Client.GetAsync("/api/v1/stats/labels")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await visitor.Client.GetAsync($"/api/v1/conversations?labelId={label.Id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "label_filter_forbidden");
        Assert.Empty((await visitor.Client.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot")).Labels!);
    }

    [Theory, BothDatabases]
    public async Task ARetriedCreateAnswersWithTheLabelItMade(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var first = await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { mutationId = "create-1", name = "VIP", colour = "#aa00aa" }))
            .ReadAsync<WriteResponse<LabelResponse>>(HttpStatusCode.Created);
        var retry = await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { mutationId = "create-1", name = "VIP", colour = "#aa00aa" }))
            .ReadAsync<WriteResponse<LabelResponse>>(HttpStatusCode.Created);

        Assert.Equal((first.Data.Id, first.Seq), (retry.Data.Id, retry.Seq));
        Assert.Single((await ws.Admin.GetAsync<ItemsResponse<LabelResponse>>("/api/v1/labels")).Items);
        await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { mutationId = "create-1", name = "Other", colour = "#aa00aa" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_conflict");
    }
}
