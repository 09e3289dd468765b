using System.Net;
using System.Text;
using System.Text.Json;
using Switchboard.Client.Api;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Search;

/// <summary>The .NET SDK's search call against the real server, and its refusal of a broken answer.</summary>
public sealed class SdkSearchTests
{
    [Theory, BothDatabases]
    public async Task TheSdkSearchesWithFiltersAndPages(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync("Sid Sdk");
        for (var i = 0; i < 3; i++) await visitor.SaysAsync($"the sdk marmalade question {i}");
        var api = new SwitchboardApiClient(app.CreateClient());
        await api.LoginAsync(ws.OperatorEmail, TestWorkspace.Password);

        var first = await api.SearchAsync("marmalade", new SearchFilter(State: "bot", InboxId: ws.Inbox.Id, From: DateTimeOffset.UtcNow.AddHours(-1), Limit: 2));
        Assert.Equal(2, first.Messages.Count);
        Assert.All(first.Messages, h => Assert.Equal("marmalade", h.Snippet.Text.Substring(h.Snippet.Highlights[0].Start, h.Snippet.Highlights[0].Length)));
        var second = await api.SearchAsync("marmalade", new SearchFilter(State: "bot", Limit: 2, Cursor: first.Next));
        Assert.Single(second.Messages);
        Assert.Null(second.Next);
        Assert.Empty((await api.SearchAsync("marmalade", new SearchFilter(Assignee: "me"))).Messages);
        var refused = await Assert.ThrowsAsync<SwitchboardApiException>(() => api.SearchAsync("   "));
        Assert.Equal("search_query_empty", refused.Code);
    }

    [Fact]
    public async Task ARangeOutsideItsTextIsABrokenAnswer()
    {
        const string broken = """{"contacts":[],"messages":[{"conversation":{"id":1},"message":{"id":2},"snippet":{"text":"abc","highlights":[{"start":2,"length":5}]}}],"next":null}""";
        var api = new SwitchboardApiClient(new HttpClient(new Answer(broken)) { BaseAddress = new Uri("http://sb.test") });
        await Assert.ThrowsAsync<JsonException>(() => api.SearchAsync("abc"));
    }

    sealed class Answer(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
