using Dapper;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>What a client applied, in order, with its cursor; and the comparison with the log in the database.</summary>
public sealed class ReceivedLog(long firstCursor)
{
    readonly List<StreamFrame> applied = [];

    public long FirstCursor { get; } = firstCursor;
    public long Cursor { get; private set; } = firstCursor;
    public IReadOnlyList<StreamFrame> Applied => applied;

    /// <summary>Applies a durable event (it must come after the cursor: no duplicate, no reordering), or a cursor advance.</summary>
    public void Apply(StreamFrame frame, string context)
    {
        if (frame.CursorAdvance is { } advance)
        {
            Advance(advance, context);
            return;
        }
        var seq = frame.Seq ?? throw new InvalidOperationException($"{context}: not a durable event: {frame.Json}");
        Assert.True(seq > Cursor, $"{context}: got seq {seq} at cursor {Cursor} (duplicate or out of order)");
        applied.Add(frame);
        Cursor = seq;
    }

    /// <summary>Moves the cursor past events this viewer may not see (long-poll tells it).</summary>
    public void Advance(long cursor, string context)
    {
        Assert.True(cursor >= Cursor, $"{context}: the cursor went back from {Cursor} to {cursor}");
        Cursor = cursor;
    }

    /// <summary>The envelopes a viewer should have after <see cref="FirstCursor"/>: all (team) or their contact's public ones.</summary>
    /// <remarks>Bounded by <paramref name="throughSeq"/>: background features (presence) may append events at any time.</remarks>
    /// <param name="hiddenInboxId">For an operator outside an inbox's team: that inbox's conversation events are not theirs (issue 20).</param>
    public static async Task<IReadOnlyList<(long Seq, string Payload)>> ExpectedAsync(TestApp app, long workspaceId, long afterSeq, long throughSeq, long? visitorContactId = null,
        long? hiddenInboxId = null) =>
        await app.Database.ReadAsync(async (c, tx) => (await c.QueryAsync<(long, string?, string, long?, long?, long?)>(
                "SELECT seq, public_payload, payload, contact_id, conversation_id, inbox_id FROM events WHERE workspace_id = @workspaceId AND seq > @afterSeq AND seq <= @throughSeq ORDER BY seq",
                new { workspaceId, afterSeq, throughSeq }, tx))
            .Where(r => visitorContactId is null || (r.Item4 == visitorContactId && r.Item2 is not null))
            .Where(r => hiddenInboxId is null || r.Item5 is null || r.Item6 != hiddenInboxId)
            .Select(r => (r.Item1, visitorContactId is null ? r.Item3 : r.Item2!)).ToList(), CancellationToken.None);

    /// <summary>Asserts that the applied events are exactly the viewer's events after the first cursor, through <paramref name="throughSeq"/>.</summary>
    public async Task AssertCompleteAsync(TestApp app, long workspaceId, long throughSeq, string context, long? visitorContactId = null, long? hiddenInboxId = null)
    {
        var expected = await ExpectedAsync(app, workspaceId, FirstCursor, throughSeq, visitorContactId, hiddenInboxId);
        var got = applied.Select(f => f.Seq!.Value).ToList();
        var want = expected.Select(e => e.Seq).ToList();
        var missing = want.Except(got).Take(10).ToList();
        var extra = got.Except(want).Take(10).ToList();
        Assert.True(want.SequenceEqual(got), $"{context}: {got.Count} applied, {want.Count} expected; missing [{string.Join(',', missing)}], unexpected [{string.Join(',', extra)}]");
        for (var i = 0; i < expected.Count; i++)
            Assert.True(expected[i].Payload == applied[i].Json, $"{context}: seq {expected[i].Seq} differs from the stored envelope");
    }

    public static Task<long> HeadAsync(TestApp app, long workspaceId) =>
        app.Database.ReadAsync((c, tx) => c.QuerySingleAsync<long>("SELECT last_seq FROM workspaces WHERE id = @workspaceId", new { workspaceId }, tx), CancellationToken.None);
}
