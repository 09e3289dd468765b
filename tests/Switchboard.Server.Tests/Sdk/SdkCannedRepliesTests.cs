using System.Net.Http.Headers;
using Switchboard.Client;
using Switchboard.Client.Api;
using Switchboard.Client.Streaming;
using Switchboard.Client.Sync;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Sdk;

/// <summary>The .NET SDK's canned replies against a real server: the API, and the live set of two members' stores.</summary>
public sealed class SdkCannedRepliesTests
{
    [Theory, BothDatabases]
    public async Task EachMembersStoreHoldsTheWorkspacesRepliesAndOnlyTheirOwnPersonalOnesLive(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var adminApi = new SwitchboardApiClient(app.CreateDefaultClient());
        await adminApi.LoginAsync(ws.AdminEmail, TestWorkspace.Password);
        var operatorApi = new SwitchboardApiClient(app.CreateDefaultClient());
        await operatorApi.LoginAsync(ws.OperatorEmail, TestWorkspace.Password);
        var early = await adminApi.CreateCannedReplyAsync("m-early", "hello", "Hello", "Hello {{contact.first_name}}!", "workspace");

        await using var admin = new LiveStore(adminApi, new SseTransport(StreamClient(app, adminApi.Token!)));
        await using var op = new LiveStore(operatorApi, new SseTransport(StreamClient(app, operatorApi.Token!)));
        await admin.StartAsync();
        await op.StartAsync();
        Assert.Equal([early.CannedReply.Id], op.CannedReplies.Select(r => r.Id));

        var mine = await operatorApi.CreateCannedReplyAsync("m-mine", "bye", "Bye", "Bye {{contact.name}}");
        var team = await adminApi.CreateCannedReplyAsync("m-team", "refund", "Refund", "Refunded.", "workspace");
        await op.WaitUntilAsync(s => s.CannedReplies.Count == 3, TimeSpan.FromSeconds(30));
        await admin.WaitUntilAsync(s => s.Cursor >= team.Seq, TimeSpan.FromSeconds(30));
        Assert.Equal(["bye", "hello", "refund"], op.CannedReplies.Select(r => r.ShortCode));
        Assert.Equal(["hello", "refund"], admin.CannedReplies.Select(r => r.ShortCode));

        await adminApi.UpdateCannedReplyAsync(early.CannedReply.Id, "m-edit", title: "Greeting");
        var deleted = await operatorApi.DeleteCannedReplyAsync(mine.CannedReply.Id, "m-delete");
        await op.WaitUntilAsync(s => s.Cursor >= deleted.Seq, TimeSpan.FromSeconds(30));
        Assert.Equal(["hello", "refund"], op.CannedReplies.Select(r => r.ShortCode));
        Assert.Equal("Greeting", op.CannedReplies[0].Title);
        var refused = await Assert.ThrowsAsync<SwitchboardApiException>(() => operatorApi.CreateCannedReplyAsync("m-typo", "x", "X", "{{contact.nmae}}"));
        Assert.Equal("canned_reply_placeholder_unknown", refused.Code);
        Assert.Equal(2, (await operatorApi.ListCannedRepliesAsync()).Count);
    }

    static HttpClient StreamClient(TestApp app, string token)
    {
        var http = app.CreateDefaultClient();
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
