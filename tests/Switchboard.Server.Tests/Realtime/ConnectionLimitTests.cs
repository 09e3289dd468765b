using System.Net;
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

        var sse = await ws.Operator.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/events"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("too_many_connections", await sse.AssertProblemAsync(HttpStatusCode.ServiceUnavailable));
        Assert.Equal(TimeSpan.FromSeconds(5), sse.Headers.RetryAfter?.Delta);
        var poll = await ws.Operator.GetAsync("/api/v1/events/poll");
        await poll.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "too_many_connections");
        var upgrade = await Record.ExceptionAsync(() => WsStream.ConnectAsync(app, ws.Operator.DefaultRequestHeaders.Authorization!.Parameter!, null));
        Assert.NotNull(upgrade);

        // The limit is about streams, not requests: the rest of the API still answers.
        Assert.Equal(HttpStatusCode.OK, (await ws.Operator.GetAsync("/api/v1/conversations")).StatusCode);
    }

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
