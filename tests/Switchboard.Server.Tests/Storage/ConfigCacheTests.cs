using Switchboard.Core.Workspaces;
using Switchboard.Server.EventLog;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Tests.Storage;

/// <summary>
/// Configuration read from memory (ConfigCache) is never older than what the write may see: not within a
/// group-committed batch, not after a change that rolled back, not on another node. Settings are read the way every
/// message reads them (<see cref="WorkspaceStore.GetSettingsAsync(WriteContext)"/>) and changed the way the settings
/// endpoint changes them.
/// </summary>
public sealed class ConfigCacheTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Theory, BothDatabases]
    public async Task WritesOfOneBatchSeeAChangeFromTheWriteItWasMadeInOnAndNeverARolledBackOne(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var writer = app.Service<EventLogWriter>();
        Task<string> Read() => writer.WriteAsync(ws.Id, async w => (await WorkspaceStore.GetSettingsAsync(w)).TimeZone, CancellationToken.None);
        Task<string> Change(string zone, bool thenFail) => writer.WriteAsync(ws.Id, async w =>
        {
            await WorkspaceStore.SaveSettingsAsync(w, (await WorkspaceStore.GetSettingsAsync(w)) with { TimeZone = zone }, null);
            // Read back inside the failing write too: what it caches must not outlive its rollback.
            var seen = (await WorkspaceStore.GetSettingsAsync(w)).TimeZone;
            if (thenFail) throw new InvalidOperationException("rolled back");
            return seen;
        }, CancellationToken.None);

        Assert.Equal("UTC", await Read());
        // Hold the lane so the writes below share one transaction, in this order.
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource();
        var holder = writer.WriteAsync(ws.Id, async w => { running.SetResult(); await gate.Task; return 0; }, CancellationToken.None);
        await running.Task.WaitAsync(Bound);
        var cached = Read();
        var failed = Change("Europe/Berlin", thenFail: true);
        var afterFailure = Read();
        var changed = Change("Asia/Tokyo", thenFail: false);
        var afterChange = Read();
        gate.SetResult();

        await holder.WaitAsync(Bound);
        Assert.Equal("UTC", await cached.WaitAsync(Bound));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failed.WaitAsync(Bound));
        Assert.Equal("UTC", await afterFailure.WaitAsync(Bound));
        Assert.Equal("Asia/Tokyo", await changed.WaitAsync(Bound));
        Assert.Equal("Asia/Tokyo", await afterChange.WaitAsync(Bound));
        Assert.Equal("Asia/Tokyo", await Read());
    }

    [Fact]
    public async Task AChangeThroughOneNodeIsSeenByTheNextWriteOnAnotherWithNothingToWaitFor()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var nodeA = await TestApp.StartAsync(DatabaseKind.Postgres, database: database);
        await using var nodeB = await TestApp.StartAsync(DatabaseKind.Postgres, database: database);
        var ws = await TestWorkspace.CreateAsync(nodeA);
        Task<WorkspaceSettings> ReadOn(TestApp node) =>
            node.Service<EventLogWriter>().WriteAsync(ws.Id, w => WorkspaceStore.GetSettingsAsync(w).AsTask(), CancellationToken.None);

        // Node B has the settings in memory.
        Assert.Equal(AssignmentPolicy.Manual, (await ReadOn(nodeB)).AssignmentPolicy);
        Assert.Equal(AssignmentPolicy.Manual, (await ReadOn(nodeB)).AssignmentPolicy);

        // The admin switches to automatic assignment through node A; node B's very next write must act on it.
        using var response = await ws.Admin.PatchJsonAsync("/api/v1/workspace", new { assignmentPolicy = "auto" });
        response.EnsureSuccessStatusCode();
        Assert.Equal(AssignmentPolicy.Auto, (await ReadOn(nodeB)).AssignmentPolicy);
    }
}
