using Switchboard.Client.Models;

namespace Switchboard.Client.Sync;

// History is part of the model (DESIGN §1): per conversation the ranges held contiguously. An event about a message
// outside them keeps its status but never makes a range look complete; views show only the newest range, and paging
// asks for exactly the gap below it. The same algorithm as the TypeScript SDK's liveStoreCore.ts and history.ts.
public sealed partial class LiveStoreCore
{
    readonly Dictionary<long, HistoryRanges> history = [];
    readonly List<(PageRequest Request, IReadOnlyList<MessageDto> Items, bool HasMore, long Cursor)> ahead = [];

    // Grows at every break of the stream's continuity (a reset, a snapshot that replaces the state): a page asked
    // for in an older epoch may describe a log that no longer exists, or miss what the stream skipped.
    long epoch;

    /// <summary>
    /// The page that extends what a view shows: the newest while nothing is held, else exactly the gap below the newest
    /// range. Null when the newest range reaches the beginning of the conversation.
    /// </summary>
    public PageRequest? NextPage(long conversationId)
    {
        if (!history.TryGetValue(conversationId, out var ranges) || ranges.Top is null) return NewestPage(conversationId);
        return ranges.GapBelowTop() is { } gap ? new PageRequest(conversationId, gap.Before, gap.After, epoch) : null;
    }

    /// <summary>The newest page of a conversation (loaded when it is watched, and again after a reset).</summary>
    public PageRequest NewestPage(long conversationId) => new(conversationId, null, null, epoch);

    /// <summary>
    /// Merges the answer to a page request and marks the range it covers as held. A page asked for before a reset is
    /// dropped whole (false). A newest page read ahead of the stream (<paramref name="cursor"/> above the store's)
    /// waits until the stream has caught up with it: until then a message created in between could be missing.
    /// </summary>
    public bool LoadPage(PageRequest request, IReadOnlyList<MessageDto> items, bool hasMore, long cursor = 0)
    {
        if (request.Epoch != epoch || NeedsSnapshot) return false;
        if (request.Before is null && cursor > Cursor) ahead.Add((request, items, hasMore, cursor));
        else MergePage(request, items, hasMore);
        Settle();
        return true;
    }

    /// <summary>The ranges of ordinals held contiguously, oldest first (the last is live while it ends at long.MaxValue).</summary>
    public IReadOnlyList<OrdinalRange> HistoryRanges(long conversationId) =>
        history.TryGetValue(conversationId, out var ranges) ? [.. ranges.All] : [];

    /// <summary>What a view shows: the newest contiguous range of confirmed messages in order, then local ones.</summary>
    public Transcript Transcript(long conversationId)
    {
        var top = history.TryGetValue(conversationId, out var ranges) ? ranges.Top : null;
        var shown = GetMessages(conversationId)
            .Where(m => m.Pending || (top is { } t && m.Ordinal >= t.From && m.Ordinal <= t.To))
            .ToList();
        return new Transcript(shown, top is not null, top is not { } r || r.From > 1, top?.From);
    }

    void MergePage(PageRequest request, IReadOnlyList<MessageDto> items, bool hasMore)
    {
        foreach (var m in items) UpsertMessage(m with { ConversationId = request.ConversationId });
        if (Sync.HistoryRanges.Coverage(request, items, hasMore) is not { } range) return;
        if (!history.TryGetValue(request.ConversationId, out var ranges)) history[request.ConversationId] = ranges = new HistoryRanges();
        ranges.Add(range);
    }

    /// <summary>Newest pages whose read the stream has now caught up with count.</summary>
    void MergeCaughtUpPages()
    {
        foreach (var page in ahead.Where(a => a.Cursor <= Cursor).ToList())
        {
            ahead.Remove(page);
            MergePage(page.Request, page.Items, page.HasMore);
        }
    }

    /// <summary>Called when the stream's continuity breaks: older requests are void, the live edges close.</summary>
    void BreakContinuity(bool replaced)
    {
        epoch++;
        ahead.Clear();
        if (replaced) { history.Clear(); return; }
        foreach (var (id, ranges) in history)
            ranges.CloseLiveEdge(messages.TryGetValue(id, out var held) && held.Count > 0 ? held.Values.Max(m => m.Ordinal) : 0);
    }
}
