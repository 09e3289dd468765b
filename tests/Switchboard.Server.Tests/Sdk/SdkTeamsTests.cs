using System.Net.Http.Headers;
using Switchboard.Client;
using Switchboard.Client.Api;
using Switchboard.Client.Streaming;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Sdk;

/// <summary>The .NET SDK's teams against a real server: the admin calls, and an operator's live store converging on a team change.</summary>
public sealed class SdkTeamsTests
{
    [Theory, BothDatabases]
    public async Task AnOperatorsStoreDropsAConversationWhenItsInboxJoinsATeamWithoutThemAndGetsItBackWhenTheyJoin(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var adminApi = new SwitchboardApiClient(app.CreateDefaultClient());
        await adminApi.LoginAsync(ws.AdminEmail, TestWorkspace.Password);
        var operatorApi = new SwitchboardApiClient(app.CreateDefaultClient());
        await operatorApi.LoginAsync(ws.OperatorEmail, TestWorkspace.Password);
        var visitor = await ws.NewVisitorAsync();
        (await visitor.SayAsync("hello")).EnsureSuccessStatusCode();

        await using var op = new LiveStore(operatorApi, new SseTransport(StreamClient(app, operatorApi.Token!)));
        await op.StartAsync();
        Assert.Contains(op.Conversations, c => c.Id == visitor.ConversationId);

        var team = await adminApi.CreateTeamAsync("Sales", mutationId: "t-1");
        var moved = await adminApi.SetInboxTeamAsync(ws.Inbox.Id, team.Data.Id, "t-2");
        Assert.Equal(team.Data.Id, moved.Data.TeamId);
        // The operator's stream resets at the change; the store reloads a snapshot of its new scope.
        await op.WaitUntilAsync(s => s.Cursor >= moved.Seq && s.Conversations.All(c => c.Id != visitor.ConversationId), TimeSpan.FromSeconds(30));

        var joined = await adminApi.UpdateTeamAsync(team.Data.Id, memberIds: [ws.OperatorId], mutationId: "t-3");
        await op.WaitUntilAsync(s => s.Cursor >= joined.Seq && s.Conversations.Any(c => c.Id == visitor.ConversationId), TimeSpan.FromSeconds(30));
        Assert.Equal([ws.OperatorId], Assert.Single(await operatorApi.ListTeamsAsync()).MemberIds);

        var deleted = await adminApi.DeleteTeamAsync(team.Data.Id, "t-4");
        Assert.Equal(1, deleted.InboxesCleared);
        Assert.Empty(await adminApi.ListTeamsAsync());
    }

    static HttpClient StreamClient(TestApp app, string token)
    {
        var http = app.CreateDefaultClient();
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
