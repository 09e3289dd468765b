namespace Switchboard.Client.Sync;

/// <summary>
/// A conversation's ranges of ordinals held contiguously: sorted, disjoint, non-adjacent (the TypeScript SDK's
/// <c>HistoryRanges</c>). A message that arrived alone (a status event about an old message) is in none of them.
/// </summary>
sealed class HistoryRanges
{
    readonly List<OrdinalRange> ranges = [];

    public IReadOnlyList<OrdinalRange> All => ranges;

    /// <summary>The range a view shows: the live one, else the one reaching highest.</summary>
    public OrdinalRange? Top => ranges.Count == 0 ? null : ranges[^1];

    public void Add(OrdinalRange range)
    {
        if (range.To < range.From) return;
        var (lo, hi) = (range.From, range.To);
        // Adjacent ranges merge too: ordinals are integers, so [1,5] and [6,9] leave nothing between them.
        ranges.RemoveAll(r =>
        {
            if (r.To != long.MaxValue && r.To + 1 < lo || hi != long.MaxValue && r.From > hi + 1) return false;
            (lo, hi) = (Math.Min(lo, r.From), Math.Max(hi, r.To));
            return true;
        });
        ranges.Add(new OrdinalRange(lo, hi));
        ranges.Sort((a, b) => a.From.CompareTo(b.From));
    }

    /// <summary>The stream's continuity broke (a reset): the live edge is no longer known to be complete.</summary>
    public void CloseLiveEdge(long highestHeld)
    {
        if (Top is not { IsLive: true } top) return;
        ranges.RemoveAt(ranges.Count - 1);
        if (highestHeld >= top.From) ranges.Add(new OrdinalRange(top.From, highestHeld));
    }

    /// <summary>The gap below the top range as a request's bounds; null when the top range starts at the beginning.</summary>
    public (long Before, long? After)? GapBelowTop()
    {
        if (Top is not { } top || top.From <= 1) return null;
        return (top.From, ranges.Count > 1 ? ranges[^2].To : null);
    }

    /// <summary>
    /// The range a page answered for: everything from its oldest item (or from just after <c>after</c>, or from the
    /// beginning, when nothing more lies beyond the limit) up to <c>before - 1</c> (the live edge for the newest).
    /// Notes hidden from visitors leave ordinals out, so coverage comes from the request, not the items.
    /// </summary>
    public static OrdinalRange? Coverage(PageRequest request, IReadOnlyCollection<Models.MessageDto> items, bool hasMore)
    {
        var to = request.Before is { } before ? before - 1 : long.MaxValue;
        if (hasMore && items.Count == 0) return null;
        var from = hasMore ? items.Min(m => m.Ordinal) : (request.After ?? 0) + 1;
        return to < from ? null : new OrdinalRange(from, to);
    }
}
