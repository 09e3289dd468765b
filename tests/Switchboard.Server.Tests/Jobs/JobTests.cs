using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Server.Common;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Jobs;

public sealed class JobTests
{
    static Action<IServiceCollection> With(ManualClock clock, ProbeHandler probe, JobRecorder recorder) => s =>
    {
        s.AddSingleton<TimeProvider>(clock);
        s.AddSingleton<IJobHandler>(probe);
        s.AddSingleton<IJobObserver>(recorder);
    };

    static Task<long?> EnqueueAsync(TestApp app, long workspaceId, string name, JobEnqueueOptions? options = null) =>
        app.Service<EventLogWriter>().WriteAsync(workspaceId, w => app.Service<JobQueue>().EnqueueAsync(w, ProbeHandler.JobKind, new { name }, options), CancellationToken.None);

    [Theory, BothDatabases]
    public async Task FailingJobRetriesWithGrowingDelaysThenDeadLettersAndAnAdminRetriesIt(DatabaseKind db)
    {
        var (clock, probe, recorder) = (new ManualClock(), new ProbeHandler { Failing = true }, new JobRecorder());
        await using var app = await TestApp.StartAsync(db, configureServices: With(clock, probe, recorder));
        var ws = await TestWorkspace.CreateAsync(app);
        var id = (await EnqueueAsync(app, ws.Id, "flaky", new JobEnqueueOptions(MaxAttempts: 4)))!.Value;

        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var outcome = await recorder.WaitAsync(o => o.JobId == id && o.Attempt == attempt);
            Assert.Equal(JobState.Pending, outcome.State);
            delays.Add(outcome.NextRunAt!.Value - clock.GetUtcNow());
            clock.AdvanceTo(outcome.NextRunAt.Value);
        }
        var dead = await recorder.WaitAsync(o => o.JobId == id && o.Attempt == 4);
        Assert.Equal(JobState.Dead, dead.State);
        Assert.Null(dead.NextRunAt);
        // 10 s, 20 s, 40 s, each ±20 %: every wait longer than the last.
        Assert.True(delays[0] < delays[1] && delays[1] < delays[2], string.Join(", ", delays));
        foreach (var (delay, nominal) in delays.Zip([10, 20, 40]))
            Assert.InRange(delay.TotalSeconds, nominal * 0.8, nominal * 1.2);
        Assert.Equal(4, probe.Runs.Count(r => r.JobId == id));

        var listed = await ws.Admin.GetAsync<ItemsResponse<JobResponse>>("/api/v1/jobs?state=dead");
        var row = Assert.Single(listed.Items);
        Assert.Equal((id, 4, JobState.Dead), (row.Id, row.Attempts, row.State));
        Assert.Contains("probe failure on attempt 4", row.LastError);
        await (await ws.Operator.GetAsync("/api/v1/jobs")).AssertProblemAsync(HttpStatusCode.Forbidden);

        probe.Failing = false;
        var retried = await (await ws.Admin.PostAsync($"/api/v1/jobs/{id}/retry", null)).ReadAsync<JobResponse>();
        Assert.Equal((JobState.Pending, 0), (retried.State, retried.Attempts));
        Assert.Equal(JobState.Succeeded, (await recorder.WaitAsync(o => o.JobId == id && o.State == JobState.Succeeded)).State);
        await (await ws.Admin.PostAsync($"/api/v1/jobs/{id}/retry", null)).AssertProblemAsync(HttpStatusCode.Conflict, "job_not_dead");
    }

    [Theory, BothDatabases]
    public async Task JobEnqueuedInATransactionThatRollsBackNeverRuns(DatabaseKind db)
    {
        var (clock, probe, recorder) = (new ManualClock(), new ProbeHandler(), new JobRecorder());
        await using var app = await TestApp.StartAsync(db, configureServices: With(clock, probe, recorder));
        var ws = await TestWorkspace.CreateAsync(app);

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Service<EventLogWriter>().WriteAsync<int>(ws.Id, async w =>
        {
            await app.Service<JobQueue>().EnqueueAsync(w, ProbeHandler.JobKind, new { name = "rolled-back" });
            throw new InvalidOperationException("the cause failed");
        }, CancellationToken.None));
        var committed = (await EnqueueAsync(app, ws.Id, "committed"))!.Value;

        await recorder.WaitAsync(o => o.JobId == committed && o.State == JobState.Succeeded);
        Assert.DoesNotContain(probe.Runs, r => r.Payload.Contains("rolled-back", StringComparison.Ordinal));
        var rows = await app.Database.ReadAsync((c, tx) => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM jobs WHERE kind = @kind", new { kind = ProbeHandler.JobKind }, tx), CancellationToken.None);
        Assert.Equal(1, rows);
    }

    [Theory, BothDatabases]
    public async Task JobSurvivesARestartOfTheServer(DatabaseKind db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        var clock = new ManualClock();
        long id, workspaceId;
        await using (var before = await TestApp.StartAsync(db, database: database, configureServices: With(clock, new ProbeHandler(), new JobRecorder())))
        {
            workspaceId = (await TestWorkspace.CreateAsync(before)).Id;
            id = (await EnqueueAsync(before, workspaceId, "later", new JobEnqueueOptions(RunAt: clock.GetUtcNow().AddHours(1))))!.Value;
        }

        // A new process, an hour and a bit later: the job is still there and runs.
        var later = new ManualClock(clock.GetUtcNow().AddMinutes(61));
        var (probe, recorder) = (new ProbeHandler(), new JobRecorder());
        await using var after = await TestApp.StartAsync(db, database: database, configureServices: With(later, probe, recorder));
        var done = await recorder.WaitAsync(o => o.JobId == id && o.State == JobState.Succeeded);
        Assert.Equal(1, done.Attempt);
        Assert.Contains(probe.Runs, r => r.JobId == id && r.Payload.Contains("later", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task PeriodicSlotIsEnqueuedOnceWhenTwoNodesScheduleIt(DatabaseKind db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        var clock = new ManualClock();
        var settings = new Dictionary<string, string?> { ["Jobs:WorkerEnabled"] = "false" };
        await using var node1 = await TestApp.StartAsync(db, database: database, extra: settings, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        await using var node2 = await TestApp.StartAsync(db, database: database, extra: settings, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var schedulers = new[] { node1, node2 }.Select(n => n.Services.GetServices<IHostedService>().OfType<PeriodicScheduler>().Single()).ToList();

        await Task.WhenAll(schedulers.Select(s => s.EnqueueDueAsync(CancellationToken.None)).Concat(schedulers.Select(s => s.EnqueueDueAsync(CancellationToken.None))));

        var slot = PeriodicScheduler.SlotOf(clock.GetUtcNow(), TimeSpan.FromHours(1));
        var count = await node1.Database.ReadAsync((c, tx) => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM jobs WHERE dedupe_key = @key", new { key = $"periodic:{JobCleanupHandler.JobKind}:{slot}" }, tx), CancellationToken.None);
        Assert.Equal(1, count);

        // Only one holder of a cluster lock at a time, across nodes.
        await using var held = await node1.Service<IClusterLock>().TryAcquireAsync("test-lock", CancellationToken.None);
        Assert.NotNull(held);
        if (db == DatabaseKind.Postgres) Assert.Null(await node2.Service<IClusterLock>().TryAcquireAsync("test-lock", CancellationToken.None));
        Assert.Null(await node1.Service<IClusterLock>().TryAcquireAsync("test-lock", CancellationToken.None));
    }
}
