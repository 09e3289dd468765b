using Dapper;
using Npgsql;
using Switchboard.Server.EventLog;
using Switchboard.Server.Realtime;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Storage;

/// <summary>
/// Group commit (DESIGN §1 still holds): writes waiting behind a busy lane share one transaction, each in its own
/// savepoint. The tests hold the lane busy with a first write that waits on a gate, queue the writes under test behind
/// it, then open the gate, so those writes deterministically land in one batch.
/// </summary>
public sealed class GroupCommitTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory, BothDatabases]
    public async Task AFailingWriteInTheMiddleOfABatchRollsBackAloneAndTheOthersCommitWithGaplessSeqs(DatabaseKind db)
    {
        await using var lane = await Lane.StartAsync(db);
        var seq0 = lane.Seq0;

        var (first, holdFirst) = await lane.HoldAsync("first");
        var second = lane.Append("second");
        var failing = lane.Append("failing", () => throw new InvalidOperationException("this write fails after appending"));
        var third = lane.Append("third");
        holdFirst.SetResult();

        Assert.Equal(seq0 + 1, await first.WaitAsync(Bound));
        Assert.Equal(seq0 + 2, await second.WaitAsync(Bound));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WaitAsync(Bound));
        Assert.Equal("this write fails after appending", error.Message);
        Assert.Equal(seq0 + 3, await third.WaitAsync(Bound));

        var log = await lane.EventsAsync();
        Assert.Equal([(seq0 + 1, "first"), (seq0 + 2, "second"), (seq0 + 3, "third")], log);
        Assert.Equal(seq0 + 3, await lane.LastSeqAsync());
    }

    [Theory, BothDatabases]
    public async Task FailuresSideBySideAndAtBothEndsOfABatchEachRollBackAlone(DatabaseKind db)
    {
        // After a failure the batch's savepoint is reused as it stands, after a success it is released and set again: every
        // pairing of the two, at the start and at the end of a batch, must leave exactly the successful writes.
        await using var lane = await Lane.StartAsync(db);
        var seq0 = lane.Seq0;

        var (first, holdFirst) = await lane.HoldAsync("first");
        Task Fail() => throw new InvalidOperationException("refused");
        // x3 fails in the database itself (PostgreSQL then refuses everything until the rollback to the savepoint).
        Task<long> Write(string label) => label switch
        {
            "x3" => lane.AppendOn(label, w => w.ExecuteAsync("INSERT INTO no_such_table VALUES (1)", null, CancellationToken.None)),
            _ when label.StartsWith('x') => lane.Append(label, Fail),
            _ => lane.Append(label),
        };
        var writes = new[] { "x1", "ok1", "x2", "x3", "ok2", "ok3", "x4" }.Select(label => (label, task: Write(label))).ToList();
        holdFirst.SetResult();

        Assert.Equal(seq0 + 1, await first.WaitAsync(Bound));
        foreach (var (_, task) in writes.Where(w => w.label.StartsWith('x')))
            await Assert.ThrowsAnyAsync<Exception>(() => task.WaitAsync(Bound));
        var committed = writes.Where(w => w.label.StartsWith("ok")).Select(w => w.task).ToList();
        Assert.Equal([seq0 + 2, seq0 + 3, seq0 + 4], await Task.WhenAll(committed).WaitAsync(Bound));
        Assert.Equal([(seq0 + 1, "first"), (seq0 + 2, "ok1"), (seq0 + 3, "ok2"), (seq0 + 4, "ok3")], await lane.EventsAsync());
        Assert.Equal(seq0 + 4, await lane.LastSeqAsync());
    }

    [Theory, BothDatabases]
    public async Task NoEventOfABatchIsVisibleOrPublishedBeforeTheBatchCommits(DatabaseKind db)
    {
        await using var lane = await Lane.StartAsync(db);
        using var subscription = lane.App.Service<IEventBus>().Subscribe(lane.WorkspaceId, new QuietListener());
        var seq0 = lane.Seq0;

        var (first, holdFirst) = await lane.HoldAsync("first");
        var holdLast = new TaskCompletionSource();
        var lastRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var early = lane.Append("early");
        var late = lane.Append("late", async () => { lastRunning.SetResult(); await holdLast.Task; });
        holdFirst.SetResult();
        await first.WaitAsync(Bound);

        // "early" has run inside the open batch; "late" is running in the same transaction and has not finished.
        await lastRunning.Task.WaitAsync(Bound);
        Assert.False(early.IsCompleted, "a write was answered before the transaction holding it committed");
        Assert.Equal([(seq0 + 1, "first")], await lane.EventsAsync());
        Assert.Equal(seq0 + 1, subscription.Feed.Head);

        holdLast.SetResult();
        Assert.Equal(seq0 + 2, await early.WaitAsync(Bound));
        Assert.Equal(seq0 + 3, await late.WaitAsync(Bound));
        Assert.Equal(seq0 + 3, subscription.Feed.Head);
        Assert.Equal([(seq0 + 1, "first"), (seq0 + 2, "early"), (seq0 + 3, "late")], await lane.EventsAsync());
    }

    [Theory, BothDatabases]
    public async Task ABatchWhoseConnectionDiesLosesOnlyItsOwnUnacknowledgedWritesAndTheNextWriteCarriesOn(DatabaseKind db)
    {
        await using var lane = await Lane.StartAsync(db);
        var seq0 = lane.Seq0;

        var (first, holdFirst) = await lane.HoldAsync("acknowledged");
        var before = lane.Append("ran before the crash");
        var crashing = lane.AppendOn("crash", KillConnectionAsync);
        var after = lane.Append("queued in the same batch");
        holdFirst.SetResult();

        Assert.Equal(seq0 + 1, await first.WaitAsync(Bound));
        foreach (var lost in new[] { before, crashing, after })
            await Assert.ThrowsAnyAsync<Exception>(() => lost.WaitAsync(Bound));
        Assert.Equal([(seq0 + 1, "acknowledged")], await lane.EventsAsync());

        // The lane takes a fresh connection: the next write commits with the next seq, no gap, no ghost.
        Assert.Equal(seq0 + 2, await lane.Append("next").WaitAsync(Bound));
        Assert.Equal([(seq0 + 1, "acknowledged"), (seq0 + 2, "next")], await lane.EventsAsync());
        Assert.Equal(seq0 + 2, await lane.LastSeqAsync());
    }

    [Theory, BothDatabases]
    public async Task AWriteWhoseCallerGaveUpWhileQueuedNeverRuns(DatabaseKind db)
    {
        await using var lane = await Lane.StartAsync(db);
        var seq0 = lane.Seq0;

        var (first, holdFirst) = await lane.HoldAsync("first");
        using var giveUp = new CancellationTokenSource();
        var abandoned = lane.Writer.WriteAsync(lane.WorkspaceId, w => w.AppendAsync(Draft("abandoned")), giveUp.Token);
        await giveUp.CancelAsync();
        var kept = lane.Append("kept");
        holdFirst.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(Bound));
        Assert.Equal(seq0 + 2, await kept.WaitAsync(Bound));
        Assert.Equal([(seq0 + 1, "first"), (seq0 + 2, "kept")], await lane.EventsAsync());
    }

    /// <summary>A fresh workspace on a started server, its writer, and the seq its log stood at before the test wrote.</summary>
    sealed class Lane(TestApp app, long workspaceId, long seq0) : IAsyncDisposable
    {
        public TestApp App => app;
        public long WorkspaceId => workspaceId;
        public long Seq0 => seq0;
        public EventLogWriter Writer { get; } = app.Service<EventLogWriter>();

        public static async Task<Lane> StartAsync(DatabaseKind db)
        {
            var app = await TestApp.StartAsync(db);
            var ws = await TestWorkspace.CreateAsync(app);
            return new Lane(app, ws.Id, await LastSeqAsync(app, ws.Id));
        }

        /// <summary>Starts a write and returns once it is running, holding the lane busy until the gate is opened.</summary>
        public async Task<(Task<long> Write, TaskCompletionSource Gate)> HoldAsync(string label)
        {
            var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var gate = new TaskCompletionSource();
            var write = Append(label, async () => { running.SetResult(); await gate.Task; });
            await running.Task.WaitAsync(Bound);
            return (write, gate);
        }

        public Task<long> Append(string label, Func<Task>? after = null) => AppendOn(label, after is null ? null : _ => after());

        public Task<long> AppendOn(string label, Func<WriteContext, Task>? after) =>
            Writer.WriteAsync(workspaceId, async w =>
            {
                var seq = await w.AppendAsync(Draft(label));
                if (after is not null) await after(w);
                return seq;
            }, CancellationToken.None);

        /// <summary>The (seq, label) of every event the test wrote, in log order.</summary>
        public async Task<List<(long, string)>> EventsAsync()
        {
            await using var connection = await app.Database.OpenAsync(CancellationToken.None);
            var rows = await connection.QueryAsync<(long Seq, string? MutationId)>(
                "SELECT seq, payload FROM events WHERE workspace_id = @workspaceId AND seq > @seq ORDER BY seq", new { workspaceId, seq = seq0 });
            return rows.Select(r => (r.Seq, System.Text.Json.JsonDocument.Parse(r.MutationId!).RootElement.GetProperty("mutationId").GetString()!)).ToList();
        }

        public Task<long> LastSeqAsync() => LastSeqAsync(app, workspaceId);

        static async Task<long> LastSeqAsync(TestApp app, long workspaceId)
        {
            await using var connection = await app.Database.OpenAsync(CancellationToken.None);
            return await connection.ExecuteScalarAsync<long>("SELECT last_seq FROM workspaces WHERE id = @workspaceId", new { workspaceId });
        }

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }

    static EventDraft Draft(string label) => new("test.group_commit", null, null, new { label }, null, 1, Actor.System, MutationId: label);

    /// <summary>What a crash does to the batch's transaction: its connection goes away in the middle.</summary>
    static async Task KillConnectionAsync(WriteContext w)
    {
        if (w.Connection is NpgsqlConnection) await w.ExecuteAsync("SELECT pg_terminate_backend(pg_backend_pid())", null, CancellationToken.None);
        else await w.Connection.CloseAsync();
    }

    sealed class QuietListener : IFeedListener
    {
        public void EventsAvailable() { }
        public bool Accepts(EphemeralSignal signal) => false;
        public void Deliver(EphemeralSignal signal, string json) { }
    }
}
