using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Observability;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Jobs;
using Switchboard.Server.Tests.Realtime;

namespace Switchboard.Server.Tests.Observability;

/// <summary>
/// <c>/metrics</c> exists only with <c>Metrics:Token</c>, answers only with that token, and shows what a node did.
/// The exporter listens to meters by name, process-wide: another test's host running alongside would add to the
/// counters and, worse, report its own job table through the same gauge (a dead letter here read as 0 there). So these
/// tests run alone (<see cref="MetricsCollection"/>), and the checks are still lower bounds, never exact counts.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsTests
{
    const string Token = "scrape-token-0123456789";
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    static Dictionary<string, string?> Enabled => new() { ["Metrics:Token"] = Token, ["Node:Name"] = "node-under-test" };

    [Fact]
    public async Task MetricsAreOffWithoutAToken()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        Assert.Equal(HttpStatusCode.NotFound, (await Scrape.GetAsync(app, Token)).StatusCode);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("short", false)]
    [InlineData("0123456789abcdef", true)]
    public void ATokenIsEmptyOrLongEnough(string? token, bool valid) =>
        // Validated on start: a node with a guessable token refuses to run.
        Assert.Equal(valid, new MetricsOptions { Token = token }.IsValid());

    [Fact]
    public async Task ScrapeIsRefusedWithoutTheToken()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, extra: Enabled);
        var anonymous = await Scrape.GetAsync(app, null);
        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        await (await Scrape.GetAsync(app, Token + "x")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");

        var served = await Scrape.GetAsync(app, Token);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("service_instance_id=\"node-under-test\"", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task ScrapeShowsStreamsCommitsBatchesAndRoutes(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, extra: Enabled);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        await using var stream = await SseStream.ConnectAsync(ws.Operator, await ReceivedLog.HeadAsync(app, ws.Id));
        for (var i = 0; i < 3; i++)
        {
            (await visitor.SayAsync($"hello {i}")).EnsureSuccessStatusCode();
            // Read live, so the events count as delivered and their lag is measured.
            Assert.NotNull(await stream.NextEventAsync());
        }

        const string messagesRoute = "/api/v1/conversations/{id:long}/messages";
        var scrape = await Scrape.WaitForAsync(app, Token, s =>
            s.Sum("switchboard_realtime_connections", ("transport", "sse")) >= 1
            && s.Sum("switchboard_events_committed_total") >= 3
            && s.Sum("switchboard_realtime_events_delivered_total", ("transport", "sse")) >= 3
            && s.Sum("switchboard_realtime_delivery_lag_seconds_count", ("transport", "sse")) >= 1
            && s.Sum("switchboard_storage_write_batch_size_count") >= 3
            && s.Sum("switchboard_storage_commit_duration_seconds_count") >= 3
            && s.Sum("http_server_request_duration_seconds_count", ("http_route", messagesRoute), ("http_response_status_code", "201")) >= 3
            && s.Sum("switchboard_jobs_queued", ("state", "dead")) is not null, Wait);

        Assert.True(scrape.Sum("switchboard_realtime_connections", ("transport", "sse")) >= 1, "open SSE stream");
        Assert.True(scrape.Sum("switchboard_events_committed_total") >= 3, "events committed");
        Assert.True(scrape.Sum("switchboard_realtime_events_delivered_total", ("transport", "sse")) >= 3, "events delivered over SSE");
        Assert.True(scrape.Sum("switchboard_realtime_delivery_lag_seconds_count", ("transport", "sse")) >= 1, "delivery lag measured");
        Assert.True(scrape.Sum("switchboard_storage_write_batch_size_bucket", ("le", "+Inf")) >= 3, "commit batch histogram");
        Assert.True(scrape.Sum("switchboard_storage_commit_duration_seconds_count") >= 3, "commit duration histogram");
        Assert.True(scrape.Sum("http_server_request_duration_seconds_count", ("http_route", messagesRoute), ("http_response_status_code", "201")) >= 3,
            "HTTP duration by route");
        Assert.NotNull(scrape.Sum("switchboard_jobs_queued", ("state", "pending")));
        Assert.NotNull(scrape.Sum("switchboard_jobs_queued", ("state", "dead")));
        Assert.Contains("target_info{", scrape.Text, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task AJobOutOfAttemptsShowsAsADeadLetter(DatabaseKind db)
    {
        var probe = new ProbeHandler { Failing = true };
        await using var app = await TestApp.StartAsync(db, extra: Enabled, configureServices: s => s.AddSingleton<IJobHandler>(probe));
        var ws = await TestWorkspace.CreateAsync(app);
        await app.Service<EventLogWriter>().WriteAsync(ws.Id,
            w => app.Service<JobQueue>().EnqueueAsync(w, ProbeHandler.JobKind, new { name = "doomed" }, new JobEnqueueOptions(MaxAttempts: 1)), CancellationToken.None);

        var scrape = await Scrape.WaitForAsync(app, Token, s =>
            s.Sum("switchboard_jobs_queued", ("state", "dead")) >= 1 && s.Sum("switchboard_jobs_settled_total", ("outcome", "dead")) >= 1, Wait);
        Assert.True(scrape.Sum("switchboard_jobs_queued", ("state", "dead")) >= 1, "dead letters in the table");
        Assert.True(scrape.Sum("switchboard_jobs_settled_total", ("outcome", "dead")) >= 1, "attempts that ended dead");
    }
}

/// <summary>Tests that read process-wide meters: xunit runs this collection after the parallel ones, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics (run alone)";
}
