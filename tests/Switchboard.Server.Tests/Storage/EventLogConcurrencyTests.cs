using System.Net;
using Dapper;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Server.Tests.Storage;

public sealed class EventLogConcurrencyTests(ITestOutputHelper output)
{
    const int Writers = 8;
    const int EventsPerWriter = 500;

    /// <summary>
    /// Eight writers append through the real API while readers poll the log. Every read must see a gapless
    /// prefix of the log (never seq N+1 without N), and at the end the log is exactly 1..N.
    /// </summary>
    [Theory, BothDatabases]
    public async Task SeqIsGaplessAndCommitOrderedUnderConcurrentWriters(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitors = new List<TestVisitor>();
        for (var i = 0; i < Writers; i++) visitors.Add(await ws.NewVisitorAsync($"Writer {i}"));

        using var done = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() => ReadUntilDoneAsync(app, ws.Id, done.Token))).ToArray();
        var started = DateTimeOffset.UtcNow;
        var writers = visitors.Select((v, w) => Task.Run(async () =>
        {
            for (var i = 0; i < EventsPerWriter; i++)
                Assert.Equal(HttpStatusCode.Created, (await v.SayAsync($"message {i} from writer {w}", $"w{w}-{i}")).StatusCode);
        })).ToArray();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(3));
        var elapsed = DateTimeOffset.UtcNow - started;
        await done.CancelAsync();
        var polls = await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"{db}: {Writers * EventsPerWriter} messages in {elapsed.TotalSeconds:F1} s; readers polled {polls.Sum()} times");

        await using var connection = await app.Database.OpenAsync(CancellationToken.None);
        var seqs = (await connection.QueryAsync<long>("SELECT seq FROM events WHERE workspace_id = @id ORDER BY seq", new { id = ws.Id })).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
        Assert.Equal(seqs[^1], await connection.ExecuteScalarAsync<long>("SELECT last_seq FROM workspaces WHERE id = @id", new { id = ws.Id }));

        // Per conversation, message order and seq order agree: everyone sees the same order.
        foreach (var v in visitors)
        {
            var rows = (await connection.QueryAsync<(long Ordinal, long Seq)>(
                "SELECT ordinal, seq FROM messages WHERE conversation_id = @c ORDER BY ordinal", new { c = v.ConversationId })).ToList();
            Assert.Equal(EventsPerWriter, rows.Count);
            Assert.Equal(rows.Select(r => r.Seq).Order(), rows.Select(r => r.Seq));
        }
    }

    static async Task<int> ReadUntilDoneAsync(TestApp app, long workspaceId, CancellationToken stop)
    {
        long cursor = 0;
        var polls = 0;
        while (!stop.IsCancellationRequested)
        {
            var batch = (await app.Database.ReadAsync((c, tx) => c.QueryAsync<long>(
                "SELECT seq FROM events WHERE workspace_id = @workspaceId AND seq > @cursor ORDER BY seq", new { workspaceId, cursor }, tx),
                CancellationToken.None)).ToList();
            polls++;
            foreach (var seq in batch)
            {
                Assert.True(seq == cursor + 1, $"reader saw seq {seq} while {cursor + 1} was not visible");
                cursor = seq;
            }
            if (batch.Count == 0) await Task.Yield();
        }
        return polls;
    }
}
