using Switchboard.Client;
using Switchboard.Client.Api;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Tests.Csat;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Sdk;

/// <summary>The .NET SDK's CSAT calls against a real server: the visitor rates, the team reads the statistics and the CSV.</summary>
public sealed class SdkCsatTests
{
    [Theory, BothDatabases]
    public async Task TheVisitorRatesThroughTheSdkAndTheTeamReadsTheStatistics(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false });
        var visitor = await ws.NewVisitorAsync();
        await ws.Operator.ClaimAsync(visitor.ConversationId);
        using var watcher = new EventWatcher(app, ws.Id);
        var request = await watcher.ResolvedRequestAsync(ws.Operator, visitor.ConversationId);

        var visitorApi = new SwitchboardApiClient(visitor.Client);
        var snapshot = await visitorApi.GetSnapshotAsync();
        Assert.Equal(request.Id, snapshot.Csat.Single().Id);
        var mutationId = WorkflowClient.NewId();
        var rated = await visitorApi.SubmitCsatAsync(visitor.ConversationId, request.Id, 4, "Fine", mutationId);
        var retried = await visitorApi.SubmitCsatAsync(visitor.ConversationId, request.Id, 4, "Fine", mutationId);
        Assert.Equal((4, "Fine", rated.Seq, true), (rated.Csat.Rating, rated.Csat.Comment, retried.Seq, retried.Replayed));
        var refused = await Assert.ThrowsAsync<SwitchboardApiException>(() => visitorApi.SubmitCsatAsync(visitor.ConversationId, request.Id, 9, null, WorkflowClient.NewId()));
        Assert.Equal("rating_invalid", refused.Code);

        var team = new SwitchboardApiClient(app.CreateDefaultClient());
        await team.LoginAsync(ws.OperatorEmail, TestWorkspace.Password);
        var stats = await team.GetCsatStatsAsync();
        Assert.Equal((1L, 4.0), (stats.Total.Count, stats.Total.Average));
        Assert.Equal(ws.OperatorId, stats.ByOperator.Single().MemberId);
        Assert.Contains($"{stats.From},{stats.To},total,,,1,4.00,0,0,0,1,0", await team.GetCsatStatsCsvAsync());
    }
}
