using System.Net;
using System.Net.Http.Json;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Common;
using Switchboard.Server.Csat;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Teams;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Labels;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Csat;

/// <summary>Satisfaction per operator, team, label and day, as JSON and as CSV.</summary>
public sealed class CsatStatsTests
{
    [Theory, BothDatabases]
    public async Task AveragesCountsAndDistributionsPerOperatorLabelAndDay(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false }, extraOperators: 1);
        var colleague = ws.ExtraOperators[0];
        var colleagueClient = await app.LoginAsync(colleague.Email);
        var billing = await ws.Admin.CreateLabelAsync("Billing, EU");
        using var watcher = new EventWatcher(app, ws.Id);

        async Task<long> RatedAsync(HttpClient owner, int rating, long? label = null, bool unassigned = false)
        {
            var visitor = await ws.NewVisitorAsync();
            if (!unassigned) await owner.ClaimAsync(visitor.ConversationId);
            if (label is { } l) await ws.Operator.AddLabelsAsync(visitor.ConversationId, l);
            var request = await watcher.ResolvedRequestAsync(ws.Operator, visitor.ConversationId);
            await visitor.RateAsync(request.Id, rating);
            return request.Id;
        }
        await RatedAsync(ws.Operator, 5, billing.Id);
        await RatedAsync(ws.Operator, 4);
        await RatedAsync(ws.Operator, 4);
        await RatedAsync(colleagueClient, 1, billing.Id);
        await RatedAsync(ws.Operator, 3, unassigned: true);
        // Asked but never answered: not counted.
        var silent = await ws.NewVisitorAsync();
        await ws.Operator.ResolveAsync(silent.ConversationId);

        var stats = await ws.Operator.GetAsync<CsatStatsResponse>("/api/v1/stats/csat");
        Assert.Equal((5L, 3.4), (stats.Total.Count, stats.Total.Average));
        Assert.Equal([1L, 0, 1, 2, 1], stats.Total.Distribution);
        var mine = stats.ByOperator.Single(o => o.MemberId == ws.OperatorId);
        Assert.Equal((3L, 4.33), (mine.Ratings.Count, mine.Ratings.Average));
        Assert.Equal([0L, 0, 0, 2, 1], mine.Ratings.Distribution);
        Assert.Equal((1L, 1.0), (stats.ByOperator.Single(o => o.MemberId == colleague.Id).Ratings.Count, stats.ByOperator.Single(o => o.MemberId == colleague.Id).Ratings.Average));
        Assert.Equal(3.0, stats.ByOperator.Single(o => o.MemberId is null).Ratings.Average);
        Assert.Equal((2L, 3.0), (stats.ByLabel.Single().Ratings.Count, stats.ByLabel.Single().Ratings.Average));
        Assert.Equal(7, stats.ByDay.Count);
        Assert.Equal((stats.To, 5L), (stats.ByDay[^1].Day, stats.ByDay[^1].Ratings.Count));
        Assert.All(stats.ByDay.SkipLast(1), d => Assert.Equal((0L, (double?)null), (d.Ratings.Count, d.Ratings.Average)));

        var csv = await (await ws.Operator.GetAsync($"/api/v1/stats/csat.csv?from={stats.To}&to={stats.To}")).Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CsatStatsCsv.Header, lines[0]);
        var p = $"{stats.To},{stats.To}";
        Assert.Equal($"{p},total,,,5,3.40,1,0,1,2,1", lines[1]);
        Assert.Contains($"{p},operator,{ws.OperatorId},{mine.Name},3,4.33,0,0,0,2,1", lines);
        Assert.Contains($"{p},operator,,,1,3.00,0,0,1,0,0", lines);
        Assert.Contains($"{p},label,{billing.Id},\"Billing, EU\",2,3.00,1,0,0,0,1", lines);
        Assert.Contains($"{p},day,{stats.To},,5,3.40,1,0,1,2,1", lines);
        await (await ws.Operator.GetAsync("/api/v1/stats/csat?from=2025-02-01&to=2025-01-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "range_invalid");
        await (await ws.Operator.GetAsync("/api/v1/stats/csat.csv?from=yesterday")).AssertProblemAsync(HttpStatusCode.BadRequest, "from_invalid");
    }

    [Theory, BothDatabases]
    public async Task PerTeamOnceTheWorkspaceHasTeamsByTheTeamOfTheRatingsInbox(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false });
        using var watcher = new EventWatcher(app, ws.Id);
        async Task RateAsync(int rating)
        {
            var visitor = await ws.NewVisitorAsync();
            await ws.Operator.ClaimAsync(visitor.ConversationId);
            await visitor.RateAsync((await watcher.ResolvedRequestAsync(ws.Operator, visitor.ConversationId)).Id, rating);
        }
        await RateAsync(2);
        Assert.Empty((await ws.Operator.GetAsync<CsatStatsResponse>("/api/v1/stats/csat")).ByTeam);

        // The inbox joins a team the operator is in: every rating of it counts for the team, the earlier one too.
        var team = (await (await ws.Admin.PostJsonAsync("/api/v1/teams", new { name = "Support, EU", memberIds = new[] { ws.OperatorId } }))
            .ReadAsync<WriteResponse<TeamResponse>>(HttpStatusCode.Created)).Data;
        await (await ws.Admin.PutAsJsonAsync($"/api/v1/inboxes/{ws.Inbox.Id}/team", new { teamId = team.Id }, Http.Json)).ReadAsync<WriteResponse<InboxResponse>>();
        await RateAsync(5);

        var stats = await ws.Operator.GetAsync<CsatStatsResponse>("/api/v1/stats/csat");
        var support = Assert.Single(stats.ByTeam);
        Assert.Equal((team.Id, "Support, EU", 2L, 3.5), (support.TeamId, support.Name, support.Ratings.Count, support.Ratings.Average));
        var csv = await (await ws.Operator.GetAsync($"/api/v1/stats/csat.csv?from={stats.To}&to={stats.To}")).Content.ReadAsStringAsync();
        Assert.Contains($"{stats.To},{stats.To},team,{team.Id},\"Support, EU\",2,3.50,0,1,0,0,1", csv.Split("\r\n"));
    }
}
