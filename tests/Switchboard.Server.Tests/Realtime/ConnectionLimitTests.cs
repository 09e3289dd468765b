using System.Net;
using Switchboard.Server.Realtime;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

public sealed class ConnectionLimitTests
{
    [Fact]
    public async Task StreamsBeyondTheProcessLimitAreRefusedWith503()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, extra: new() { ["Realtime:MaxConnections"] = "2" });
        var ws = await TestWorkspace.CreateAsync(app);
        await using var one = await SseStream.ConnectAsync(ws.Operator, null);
        await using var two = await WsStream.ConnectAsync(app, ws.Operator.DefaultRequestHeaders.Authorization!.Parameter!, null);

        // As an EventSource asks: Accept names only the event stream, and the refusal is still a readable problem.
        var refused = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events");
        refused.Headers.Accept.ParseAdd("text/event-stream");
        var sse = await ws.Operator.SendAsync(refused, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("too_many_connections", await sse.AssertProblemAsync(HttpStatusCode.ServiceUnavailable));
        Assert.Equal(TimeSpan.FromSeconds(5), sse.Headers.RetryAfter?.Delta);
        var poll = await ws.Operator.GetAsync("/api/v1/events/poll");
        await poll.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "too_many_connections");
        var upgrade = await Record.ExceptionAsync(() => WsStream.ConnectAsync(app, ws.Operator.DefaultRequestHeaders.Authorization!.Parameter!, null));
        Assert.NotNull(upgrade);

        // The limit is about streams, not requests: the rest of the API still answers.
        Assert.Equal(HttpStatusCode.OK, (await ws.Operator.GetAsync("/api/v1/conversations")).StatusCode);
    }

    [Theory]
    [InlineData(null, 19_744, 19_488)] // ulimit -n 20000: the default cap sits just under the descriptors
    [InlineData(null, 768, 512)]       // ulimit -n 1024
    [InlineData(100, 19_744, 100)]     // a configured cap below the budget is kept
    [InlineData(50_000, 768, 512)]     // ...but never allowed above it
    [InlineData(null, null, ConnectionLimiter.DefaultLimit)]
    [InlineData(null, 100, 1)]
    public void TheStreamCapStaysBelowTheOpenFilesLimit(int? configured, int? budget, int expected) =>
        Assert.Equal(expected, ConnectionLimiter.Derive(configured, budget));

    [Fact]
    public async Task BadCursorsAndPlainRequestsToTheWebSocketEndpointAreProblems()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var ws = await TestWorkspace.CreateAsync(app);
        await (await ws.Operator.GetAsync("/api/v1/events/poll?cursor=-1")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor_invalid");
        await (await ws.Operator.GetAsync("/api/v1/events?cursor=abc")).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor_invalid");
        await (await ws.Operator.GetAsync("/api/v1/stream")).AssertProblemAsync(HttpStatusCode.BadRequest, "websocket_required");
        await (await app.CreateClient().GetAsync("/api/v1/events")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        // Browsers pass the token in the query string on the stream endpoints only.
        var token = ws.Operator.DefaultRequestHeaders.Authorization!.Parameter!;
        var anonymous = app.CreateClient();
        var head = await ReceivedLog.HeadAsync(app, ws.Id);
        // (A cursor ahead of the log answers at once, with a reset.)
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/events/poll?cursor={head + 1000}&access_token={token}")).StatusCode);
    }
}
