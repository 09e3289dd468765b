using System.Net;
using System.Net.Http.Json;
using Switchboard.Core.Conversations;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Common;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Teams;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Teams;

/// <summary>Teams (issue 20): admins manage them, every change is one team-only event, bad input changes nothing, and assignment keeps to them.</summary>
public sealed class TeamTests
{
    static readonly WorkspaceSettings NoBot = new() { BotEnabled = false };

    [Theory, BothDatabases]
    public async Task AdminsCreateRenameRegroupAndDeleteTeamsEachChangeOneEvent(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var cursor = await app.CursorAsync(ws.Id);

        var created = await (await ws.Admin.PostJsonAsync("/api/v1/teams", new { mutationId = "t-1", name = " Sales ", memberIds = new[] { ws.OperatorId, ws.OperatorId } }))
            .ReadAsync<WriteResponse<TeamResponse>>(HttpStatusCode.Created);
        Assert.Equal("Sales", created.Data.Name);
        Assert.Equal([ws.OperatorId], created.Data.MemberIds);
        var replay = await (await ws.Admin.PostJsonAsync("/api/v1/teams", new { mutationId = "t-1", name = " Sales ", memberIds = new[] { ws.OperatorId, ws.OperatorId } }))
            .ReadAsync<WriteResponse<TeamResponse>>(HttpStatusCode.Created);
        Assert.Equal((created.Data.Id, created.Seq), (replay.Data.Id, replay.Seq));
        var id = created.Data.Id;

        var renamed = await (await ws.Admin.PatchJsonAsync($"/api/v1/teams/{id}", new { name = "Sales EU" })).ReadAsync<WriteResponse<TeamResponse>>();
        var same = await (await ws.Admin.PatchJsonAsync($"/api/v1/teams/{id}", new { name = "Sales EU", memberIds = new[] { ws.OperatorId } })).ReadAsync<WriteResponse<TeamResponse>>();
        Assert.Equal(renamed.Data.Version, same.Data.Version); // nothing changed: no event
        var regrouped = await (await ws.Admin.PatchJsonAsync($"/api/v1/teams/{id}", new { memberIds = new[] { ws.AdminId, ws.OperatorId } })).ReadAsync<WriteResponse<TeamResponse>>();
        Assert.Equal(new[] { ws.AdminId, ws.OperatorId }.Order(), regrouped.Data.MemberIds);
        var moved = await (await ws.Admin.PutAsJsonAsync($"/api/v1/inboxes/{ws.Inbox.Id}/team", new { teamId = id }, Http.Json)).ReadAsync<WriteResponse<InboxResponse>>();
        Assert.Equal(id, moved.Data.TeamId);
        var listed = Assert.Single((await ws.Operator.GetAsync<ItemsResponse<TeamResponse>>("/api/v1/teams")).Items);
        Assert.Equal("Sales EU", listed.Name);
        Assert.Equal([ws.Inbox.Id], listed.InboxIds);

        var deleted = await (await ws.Admin.DeleteAsync($"/api/v1/teams/{id}?mutationId=t-del")).ReadAsync<TeamDeletedResponse>();
        Assert.Equal(1, deleted.InboxesCleared);
        Assert.Empty((await ws.Admin.GetAsync<ItemsResponse<TeamResponse>>("/api/v1/teams")).Items);
        Assert.Null(Assert.Single((await ws.Admin.GetAsync<ItemsResponse<InboxResponse>>("/api/v1/inboxes")).Items).TeamId);

        var events = (await LoggedEvents.AfterAsync(app, ws.Id, cursor)).Where(e => e.Type.StartsWith("team.", StringComparison.Ordinal)).ToList();
        Assert.Equal([created.Seq, renamed.Seq, regrouped.Seq, moved.Seq, deleted.Seq], events.Select(e => e.Seq));
        Assert.Equal(["team.updated", "team.updated", "team.updated", "team.updated", "team.deleted"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Null(e.PublicPayload)); // team-only: never a visitor's
    }

    [Theory, BothDatabases]
    public async Task BadInputIsRefusedAndChangesNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var other = await TestWorkspace.CreateAsync(app);
        var team = (await (await ws.Admin.PostJsonAsync("/api/v1/teams", new { name = "Support" })).ReadAsync<WriteResponse<TeamResponse>>(HttpStatusCode.Created)).Data;
        var cursor = await app.CursorAsync(ws.Id);

        await (await ws.Admin.PostJsonAsync("/api/v1/teams", new { name = "  " })).AssertProblemAsync(HttpStatusCode.BadRequest, "name_invalid");
        await (await ws.Admin.PostJsonAsync("/api/v1/teams", new { name = new string('x', 61) })).AssertProblemAsync(HttpStatusCode.BadRequest, "name_invalid");
        await (await ws.Admin.PostJsonAsync("/api/v1/teams", new { name = "SUPPORT" })).AssertProblemAsync(HttpStatusCode.Conflict, "team_name_taken");
        await (await ws.Admin.PostJsonAsync("/api/v1/teams", new { name = "Other", memberIds = new[] { other.OperatorId } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "member_ids_invalid");
        await (await ws.Admin.PatchJsonAsync($"/api/v1/teams/{team.Id}", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "patch_empty");
        await (await ws.Admin.PatchJsonAsync($"/api/v1/teams/{team.Id}", new { memberIds = new[] { -1L } })).AssertProblemAsync(HttpStatusCode.BadRequest, "member_ids_invalid");
        await (await other.Admin.PatchJsonAsync($"/api/v1/teams/{team.Id}", new { name = "Mine" })).AssertProblemAsync(HttpStatusCode.NotFound, "team_not_found");
        await (await ws.Admin.PutAsJsonAsync($"/api/v1/inboxes/{ws.Inbox.Id}/team", new { teamId = 999999 }, Http.Json))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "team_id_invalid");
        await (await ws.Admin.PutAsJsonAsync($"/api/v1/inboxes/{other.Inbox.Id}/team", new { teamId = team.Id }, Http.Json))
            .AssertProblemAsync(HttpStatusCode.NotFound, "inbox_not_found");
        await (await other.Admin.DeleteAsync($"/api/v1/teams/{team.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "team_not_found");

        Assert.Empty(await LoggedEvents.AfterAsync(app, ws.Id, cursor));
        Assert.Equal("Support", Assert.Single((await ws.Admin.GetAsync<ItemsResponse<TeamResponse>>("/api/v1/teams")).Items).Name);
    }

    [Theory, BothDatabases]
    public async Task AutomaticAssignmentGivesATeamInboxConversationOnlyToTheTeamsMembers(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, NoBot with { AssignmentPolicy = AssignmentPolicy.Auto }, extraOperators: 1);
        var member = await app.LoginAsync(ws.ExtraOperators[0].Email);
        var team = (await (await ws.Admin.PostJsonAsync("/api/v1/teams", new { name = "Sales", memberIds = new[] { ws.ExtraOperators[0].Id } }))
            .ReadAsync<WriteResponse<TeamResponse>>(HttpStatusCode.Created)).Data;
        (await ws.Admin.PutAsJsonAsync($"/api/v1/inboxes/{ws.Inbox.Id}/team", new { teamId = team.Id }, Http.Json)).EnsureSuccessStatusCode();
        await ws.Admin.SetPresenceAsync("away");
        await member.SetPresenceAsync("away");
        await ws.Operator.SetPresenceAsync("online");

        // The only one online is not in the team: the conversation waits for the team.
        var visitor = await ws.NewVisitorAsync();
        var waiting = await ws.Admin.ConversationAsync(visitor.ConversationId);
        Assert.Equal((ConversationState.Queued, null), (waiting.State, waiting.AssigneeId));

        await member.SetPresenceAsync("online");
        var assigned = await ws.Admin.ConversationAsync(visitor.ConversationId);
        Assert.Equal((ConversationState.Assigned, ws.ExtraOperators[0].Id), (assigned.State, assigned.AssigneeId));
    }
}
