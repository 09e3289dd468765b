using System.Net;
using Microsoft.AspNetCore.TestHost;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Realtime;
using static Switchboard.Server.Tests.Widget.WidgetKit;

namespace Switchboard.Server.Tests.Widget;

/// <summary>CORS per inbox on the widget and visitor endpoints and streams (issue 19).</summary>
public sealed class WidgetCorsTests
{
    [Theory, BothDatabases]
    public async Task PreflightIsAnsweredAndCachedOnEveryVisitorPath(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var client = app.CreateClient();
        foreach (var url in new[] { "/api/v1/widget/sessions", "/api/v1/conversations/1/messages", "/api/v1/events", "/api/v1/events/poll", "/api/v1/widget/attributes" })
        {
            using var response = await client.SendAsync(Preflight("https://anyone.example.net", url));
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Equal("https://anyone.example.net", AllowOrigin(response));
            Assert.Equal("600", response.Headers.GetValues("Access-Control-Max-Age").Single());
            Assert.Contains("Authorization", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
            Assert.Contains("Origin", response.Headers.Vary);
        }
    }

    [Theory, BothDatabases]
    public async Task AllowedExactAndWildcardOriginsGetCorsAndOthersAReadableRefusal(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        await PutSettingsAsync(ws);
        var client = app.CreateClient();
        var config = $"/api/v1/widget/config?inboxToken={ws.Inbox.PublicToken}";

        foreach (var allowed in new[] { Shop, "https://blog.example.org", "https://a.b.example.org" })
        {
            using var ok = await client.SendAsync(From(allowed, HttpMethod.Get, config));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal(allowed, AllowOrigin(ok));
            Assert.Contains("Origin", ok.Headers.Vary);
        }
        foreach (var refused in new[] { "https://evil.example.com", "http://shop.example.com", "https://example.org", "https://shop.example.com:8443" })
        {
            using var no = await client.SendAsync(From(refused, HttpMethod.Get, config));
            await no.AssertProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
            Assert.Equal(refused, AllowOrigin(no));
            using var session = await client.SendAsync(From(refused, HttpMethod.Post, "/api/v1/widget/sessions", json: new { inboxToken = ws.Inbox.PublicToken }));
            await session.AssertProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
            Assert.Equal(refused, AllowOrigin(session));
        }

        // No Origin (a server, curl) and Switchboard's own origin (the demo page) need no CORS and are let through.
        using var noOrigin = await client.GetAsync(config);
        Assert.Equal(HttpStatusCode.OK, noOrigin.StatusCode);
        Assert.Null(AllowOrigin(noOrigin));
        using var own = await client.SendAsync(From("http://localhost", HttpMethod.Post, "/api/v1/widget/sessions", json: new { inboxToken = ws.Inbox.PublicToken }));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task AnInboxWithNoOriginsRefusesEveryOtherSite(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        using var response = await app.CreateClient().SendAsync(From(Shop, HttpMethod.Post, "/api/v1/widget/sessions", json: new { inboxToken = ws.Inbox.PublicToken }));
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
    }

    [Theory, BothDatabases]
    public async Task VisitorRequestsAndStreamsAreCheckedByTheTokensInbox(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, extra: new() { ["Realtime:PollTimeout"] = "00:00:00.200" });
        var ws = await TestWorkspace.CreateAsync(app);
        await PutSettingsAsync(ws);
        var session = await SessionAsync(app, ws, Shop);
        var client = app.CreateClient();

        using var conversation = await client.SendAsync(From(Shop, HttpMethod.Post, "/api/v1/widget/conversation", session.Token));
        Assert.Equal(HttpStatusCode.OK, conversation.StatusCode);
        Assert.Equal(Shop, AllowOrigin(conversation));
        using var poll = await client.SendAsync(From(Shop, HttpMethod.Get, "/api/v1/events/poll", session.Token));
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        Assert.Equal(Shop, AllowOrigin(poll));
        using (var sse = await client.SendAsync(From(Shop, HttpMethod.Get, $"/api/v1/events?access_token={session.Token}"), HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, sse.StatusCode);
            Assert.Equal(Shop, AllowOrigin(sse));
        }

        const string evil = "https://evil.example.com";
        foreach (var url in new[] { "/api/v1/events/poll", $"/api/v1/events?access_token={session.Token}", "/api/v1/conversations" })
        {
            using var refused = await client.SendAsync(From(evil, HttpMethod.Get, url, session.Token));
            await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "origin_not_allowed");
            Assert.Equal(evil, AllowOrigin(refused));
        }

        // A WebSocket handshake carries an Origin but no CORS: the origin is checked before the upgrade.
        var ws1 = app.Server.CreateWebSocketClient();
        ws1.ConfigureRequest = r => { r.Headers.Origin = evil; r.Headers.Authorization = "Bearer " + session.Token; };
        await Assert.ThrowsAnyAsync<Exception>(() => ws1.ConnectAsync(new Uri(app.Server.BaseAddress, "api/v1/stream"), CancellationToken.None));
        var ws2 = app.Server.CreateWebSocketClient();
        ws2.ConfigureRequest = r => { r.Headers.Origin = Shop; r.Headers.Authorization = "Bearer " + session.Token; };
        using var socket = await ws2.ConnectAsync(new Uri(app.Server.BaseAddress, "api/v1/stream"), CancellationToken.None).WaitAsync(WsStream.Wait);
        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, socket.State);
    }

    [Theory, BothDatabases]
    public async Task TheDashboardsEndpointsStaySameOrigin(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        await PutSettingsAsync(ws);
        using var request = From(Shop, HttpMethod.Get, "/api/v1/conversations");
        request.Headers.Authorization = ws.Operator.DefaultRequestHeaders.Authorization;
        using var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(AllowOrigin(response));
    }
}
