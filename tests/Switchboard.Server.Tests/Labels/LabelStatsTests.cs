using System.Net;
using Switchboard.Server.Conversations;
using Switchboard.Server.Labels;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Labels;

/// <summary>Conversations per label: opened and resolved in the period, open now; as JSON and as CSV.</summary>
public sealed class LabelStatsTests
{
    [Theory, BothDatabases]
    public async Task CountsConversationsOpenedAndResolvedPerLabel(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var (billing, vip, unused) = (await ws.Admin.CreateLabelAsync("Billing"), await ws.Admin.CreateLabelAsync("VIP, gold"), await ws.Admin.CreateLabelAsync("Unused"));
        var (a, b, c) = (await ws.NewVisitorAsync("a"), await ws.NewVisitorAsync("b"), await ws.NewVisitorAsync("c"));
        await ws.Operator.AddLabelsAsync(a.ConversationId, billing.Id, vip.Id);
        await ws.Operator.AddLabelsAsync(b.ConversationId, billing.Id);
        await ws.NewVisitorAsync("unlabelled");
        await (await ws.Operator.PatchJsonAsync($"/api/v1/conversations/{a.ConversationId}", new { mutationId = "resolve-a", resolved = true }))
            .ReadAsync<ConversationWriteResponse>();
        _ = c;

        var stats = await ws.Admin.GetAsync<LabelStatsResponse>("/api/v1/stats/labels");
        LabelStats Of(LabelResponse l) => stats.Items.Single(i => i.LabelId == l.Id);
        Assert.Equal((2L, 1L, 1L), (Of(billing).Opened, Of(billing).Resolved, Of(billing).OpenNow));
        Assert.Equal((1L, 1L, 0L), (Of(vip).Opened, Of(vip).Resolved, Of(vip).OpenNow));
        Assert.Equal((0L, 0L, 0L), (Of(unused).Opened, Of(unused).Resolved, Of(unused).OpenNow));

        var csv = await (await ws.Operator.GetAsync($"/api/v1/stats/labels.csv?from={stats.From}&to={stats.To}")).Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(LabelStatsCsv.Header, lines[0]);
        Assert.Contains($"{stats.From},{stats.To},{vip.Id},\"VIP, gold\",#1f77b4,1,1,0", lines);
        await (await ws.Operator.GetAsync("/api/v1/stats/labels?from=2025-02-01&to=2025-01-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "range_invalid");
    }
}
