using System.Collections.Concurrent;
using System.Net;
using Dapper;
using Switchboard.Server.Hosting;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>The backup command copies a running SQLite database consistently: a restore has every message acknowledged before it began.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task ABackupTakenUnderWriteLoadRestoresEverythingAcknowledgedBeforeIt()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitors = new[] { await ws.NewVisitorAsync("A"), await ws.NewVisitorAsync("B") };
        var acknowledged = new ConcurrentBag<long>();
        using var stop = new CancellationTokenSource();
        var writers = visitors.Select(v => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
                acknowledged.Add((await (await v.SayAsync($"message {i}")).ReadAsync<PostMessageResponse>(HttpStatusCode.Created)).Message.Id);
        })).ToList();
        while (acknowledged.Count < 20) await Task.WhenAny(writers.Append(Task.Delay(50)));

        var before = acknowledged.ToHashSet();
        await using var restored = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var file = Path.Combine(restored.DataDirectory!, "switchboard.db");
        var output = new StringWriter();
        var exit = await BackupCommand.RunAsync(["backup", file, "--data", app.DataDirectory!], output, CancellationToken.None);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.True(exit == 0, output.ToString());

        await using var copy = await TestApp.StartAsync(DatabaseKind.Sqlite, database: restored);
        var (integrity, ids, seqs) = await copy.Database.ReadAsync(async (c, tx) => (
            await c.QuerySingleAsync<string>("PRAGMA integrity_check", transaction: tx),
            (await c.QueryAsync<long>("SELECT id FROM messages", transaction: tx)).ToHashSet(),
            (await c.QueryAsync<long>("SELECT seq FROM events WHERE workspace_id = @Id ORDER BY seq", new { ws.Id }, tx)).ToList()), CancellationToken.None);
        Assert.Equal("ok", integrity);
        Assert.Subset(ids, before);
        Assert.Equal(Enumerable.Range((int)seqs[0], seqs.Count).Select(s => (long)s), seqs); // the log has no gap
    }
}
