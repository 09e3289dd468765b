using System.Net;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Members;
using Switchboard.Server.Demo;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Api;

public sealed class DemoTests
{
    [Theory, BothDatabases]
    public async Task DemoOperatorLogsInListsConversationsAndSendsIdempotently(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, demo: true, demoPassword: "demo-password");
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        var op = await app.LoginAsync(DemoSeeder.OperatorEmail, "demo-password");
        var list = await op.GetAsync<ItemsResponse<ConversationResponse>>("/api/v1/conversations");
        Assert.Equal(3, list.Items.Count);
        var queued = Assert.Single(list.Items, c => c.State == Core.Conversations.ConversationState.Queued);
        Assert.Equal("The customer asked for a human", queued.HandoffReason);

        var body = new { clientMessageId = "demo-1", text = "On it!" };
        var first = await (await op.PostJsonAsync($"/api/v1/conversations/{queued.Id}/messages", body)).ReadAsync<PostMessageResponse>(HttpStatusCode.Created);
        var second = await (await op.PostJsonAsync($"/api/v1/conversations/{queued.Id}/messages", body)).ReadAsync<PostMessageResponse>(HttpStatusCode.OK);
        Assert.Equal(first.Message.Id, second.Message.Id);
        Assert.Equal(first.Seq, second.Seq);
        Assert.True(second.Replayed);

        var messages = await op.GetAsync<MessagePageResponse>($"/api/v1/conversations/{queued.Id}/messages");
        Assert.Single(messages.Items, m => m.ClientMessageId == "demo-1");
    }

    [Theory, BothDatabases]
    public async Task DemoIsCreatedOnlyOnAnEmptyDatabase(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, demo: true, demoPassword: "demo-password");
        await app.Service<DemoSeeder>().SeedIfEmptyAsync(CancellationToken.None);
        var admin = await app.LoginAsync(DemoSeeder.AdminEmail, "demo-password");
        var me = await admin.GetAsync<CurrentCallerResponse>("/api/v1/auth/me");
        Assert.Equal(Roles.Admin, me.Role);
        var list = await admin.GetAsync<ItemsResponse<ConversationResponse>>("/api/v1/conversations");
        Assert.Equal(3, list.Items.Count);
    }
}
