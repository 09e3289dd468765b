using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>A database outage is answered 503 with Retry-After, readiness follows the database, and nothing acknowledged is lost.</summary>
public sealed class OutageTests
{
    [Fact]
    public async Task APostgresOutageAnswers503WithRetryAfterAndReadinessFollowsTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, direct.Port));
        var proxied = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ToString();
        await using var app = await TestApp.StartAsync(DatabaseKind.Postgres, database: database,
            configureServices: s => s.PostConfigure<DatabaseOptions>(o => o.ConnectionString = proxied));
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var probe = app.CreateClient();
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), ((await probe.GetAsync("/healthz")).StatusCode, (await probe.GetAsync("/readyz")).StatusCode));

        proxy.Cut();

        await AssertUnavailableAsync(await visitor.SayAsync("during the outage", "c-outage"));
        await AssertUnavailableAsync(await ws.Operator.GetAsync("/api/v1/conversations"));
        await AssertUnavailableAsync(await ws.Operator.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/events"), HttpCompletionOption.ResponseHeadersRead));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/healthz")).StatusCode); // alive: a restart would not help

        proxy.Restore();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await probe.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK)
            Assert.True(DateTime.UtcNow < deadline, "/readyz did not come back within 15 s of the database");
        // The refused write was never acknowledged; its retry (same clientMessageId) is stored once.
        var stored = await (await visitor.SayAsync("during the outage", "c-outage")).ReadAsync<PostMessageResponse>(HttpStatusCode.Created);
        Assert.False(stored.Replayed);
    }

    [Theory, BothDatabases]
    public async Task ReadinessAndLivenessAnswer200WhileTheDatabaseAnswers(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var probe = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/readyz")).StatusCode);
    }

    static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "database_unavailable");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
    }
}
