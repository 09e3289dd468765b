using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using Dapper;
using Switchboard.Server.Auth;
using Switchboard.Server.Realtime;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Realtime;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>Revoking a credential ends its open streams within seconds, with the reason <c>revoked</c>, on all three transports.</summary>
public sealed class RevocationTests
{
    static readonly TimeSpan Promptly = TimeSpan.FromSeconds(15); // "within seconds", with room for a loaded CI machine

    [Theory, BothDatabases]
    public async Task SigningOutEndsTheSessionsWebSocketSseAndWaitingPoll(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var session = await app.LoginAsync(ws.OperatorEmail);
        var token = session.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var socket = await WsStream.ConnectAsync(app, token, null);
        await using var sse = await SseStream.ConnectAsync(session, null);
        var polling = PollUntilRefusedAsync(session, await HeadAsync(session));

        Assert.Equal(HttpStatusCode.NoContent, (await session.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        await AssertRevokedAsync(socket);
        await AssertRevokedAsync(sse);
        Assert.True(await polling.WaitAsync(Promptly) < Promptly, "the waiting poll was answered late");
        var again = await Record.ExceptionAsync(() => WsStream.ConnectAsync(app, token, null));
        Assert.Contains("401", again?.Message ?? "connected", StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task DeactivatingAMemberEndsTheirStreams(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        await using var socket = await WsStream.ConnectAsync(app, ws.Operator.DefaultRequestHeaders.Authorization!.Parameter!, null);
        await using var sse = await SseStream.ConnectAsync(ws.Operator, null);
        var polling = PollUntilRefusedAsync(ws.Operator, await HeadAsync(ws.Operator));

        Assert.Equal(HttpStatusCode.OK, (await ws.Admin.PatchJsonAsync($"/api/v1/members/{ws.OperatorId}", new { active = false })).StatusCode);

        await AssertRevokedAsync(socket);
        await AssertRevokedAsync(sse);
        await polling.WaitAsync(Promptly);
    }

    [Fact]
    public async Task AStreamThatEndsAsItsMemberIsDeactivatedDoesNotFailTheDeactivation()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var ws = await TestWorkspace.CreateAsync(app);
        await using var sse = await SseStream.ConnectAsync(ws.Operator, null);
        // A long-poll that answered and disposed its token source between the revocation's look at the watchers and
        // its call (seen once in CI as a 500 on the PATCH that had committed).
        var ended = new CancellationTokenSource();
        ended.Dispose();
        var caller = new Caller(CallerKind.Member, ws.Id, "operator", ws.OperatorId, null, null, "Operator");
        using var watch = app.Service<CredentialWatch>().Watch(caller, ended.Cancel);

        Assert.Equal(HttpStatusCode.OK, (await ws.Admin.PatchJsonAsync($"/api/v1/members/{ws.OperatorId}", new { active = false })).StatusCode);
        // The stream that is still open is ended all the same.
        var next = await sse.NextEventAsync();
        while (next is { Event: not "disconnect" }) next = await sse.NextEventAsync();
        Assert.Equal(DisconnectReasons.Revoked, next!.Value.Frame.Root.GetProperty("reason").GetString());
    }

    [Theory, BothDatabases]
    public async Task DeletingAnApiKeyEndsItsStreams(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var key = await (await ws.Admin.PostJsonAsync("/api/v1/api-keys", new { name = "crm" })).ReadAsync<CreatedApiKeyResponse>(HttpStatusCode.Created);
        var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        await using var socket = await WsStream.ConnectAsync(app, key.Key, null);
        await using var sse = await SseStream.ConnectAsync(integration, null);
        var polling = PollUntilRefusedAsync(integration, await HeadAsync(integration));

        Assert.Equal(HttpStatusCode.NoContent, (await ws.Admin.DeleteAsync($"/api/v1/api-keys/{key.ApiKey.Id}")).StatusCode);

        await AssertRevokedAsync(socket);
        await AssertRevokedAsync(sse);
        await polling.WaitAsync(Promptly);
    }

    [Theory, BothDatabases]
    public async Task ASessionEndedOnAnotherNodeEndsThisNodesStreamsAtTheNextRecheck(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, extra: new() { ["Auth:StreamRecheckInterval"] = "00:00:00.200" });
        var ws = await TestWorkspace.CreateAsync(app);
        var token = ws.Operator.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var socket = await WsStream.ConnectAsync(app, token, null);
        await using var sse = await SseStream.ConnectAsync(ws.Admin, null);

        // What another node's logout does to the shared database; this node hears nothing of it.
        await app.Database.WriteGlobalAsync((c, tx) => c.ExecuteAsync("DELETE FROM member_sessions WHERE token_hash = @hash",
            new { hash = TokenCodec.Hash(token) }, tx), CancellationToken.None);

        await AssertRevokedAsync(socket);
        // The admin's session was not touched: their stream stays open (the next frame is a ping or an event, not a goodbye).
        var next = await sse.NextAsync(TimeSpan.FromSeconds(30));
        Assert.NotEqual("disconnect", next?.Event);
    }

    [Theory, BothDatabases]
    public async Task AStreamOpenedWhileARecheckRunsIsNotTakenForRevoked(DatabaseKind db)
    {
        // Re-checks back to back: nearly every stream below registers while one is querying the database.
        await using var app = await TestApp.StartAsync(db, extra: new() { ["Auth:StreamRecheckInterval"] = "00:00:00.001" });
        var ws = await TestWorkspace.CreateAsync(app);
        var streams = new List<WsStream>();
        try
        {
            // A session each: a stream whose session another stream already had checked would be judged by that answer.
            for (var i = 0; i < 20; i++)
            {
                var session = await app.LoginAsync(ws.OperatorEmail);
                streams.Add(await WsStream.ConnectAsync(app, session.DefaultRequestHeaders.Authorization!.Parameter!, null));
            }
            await ws.NewVisitorAsync();
            // Every stream gets the new conversation's events; a stream taken for revoked would be closed instead.
            foreach (var stream in streams)
                Assert.True(await stream.NextAsync() is not null, $"stream closed: {stream.Socket.CloseStatusDescription}");
        }
        finally
        {
            foreach (var stream in streams) await stream.DisposeAsync();
        }
    }

    static async Task AssertRevokedAsync(WsStream socket)
    {
        var stopwatch = Stopwatch.StartNew();
        while (await socket.NextAsync(Promptly) is not null) { }
        Assert.True(stopwatch.Elapsed < Promptly);
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "revoked"), (socket.Socket.CloseStatus, socket.Socket.CloseStatusDescription));
    }

    static async Task AssertRevokedAsync(SseStream sse)
    {
        while (await sse.NextAsync(Promptly) is { } next)
        {
            if (next.Event != "disconnect") continue;
            Assert.Equal("revoked", next.Frame.Root.GetProperty("reason").GetString());
            Assert.Null(await sse.NextAsync(Promptly)); // and the stream ends
            return;
        }
        Assert.Fail("The SSE stream ended without saying why.");
    }

    /// <summary>
    /// The workspace's head, read before the credential is revoked (awaited by the test, so a snapshot asked for after the
    /// revocation cannot be what fails).
    /// </summary>
    static async Task<long> HeadAsync(HttpClient client) => (await client.GetAsync<Server.Sync.SnapshotResponse>("/api/v1/sync/snapshot")).Cursor;

    /// <summary>Long-polls (from the head, so each poll waits) until the credential is refused; returns how long the last poll took.</summary>
    static async Task<TimeSpan> PollUntilRefusedAsync(HttpClient client, long cursor)
    {
        while (true)
        {
            var started = Stopwatch.StartNew();
            var response = await client.GetAsync($"/api/v1/events/poll?cursor={cursor}");
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
                return started.Elapsed;
            }
            cursor = (await response.ReadAsync<CursorOnly>()).Cursor;
        }
    }

    sealed record CursorOnly(long Cursor);
}
