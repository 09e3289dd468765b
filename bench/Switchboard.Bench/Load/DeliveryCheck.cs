namespace Switchboard.Bench.Load;

/// <summary>Lost, duplicated and out-of-order deliveries summed over receivers. Any non-zero count fails the run.</summary>
public sealed record DeliveryCheck(long Lost, long Duplicated, long OutOfOrder, long Reconnects, long Delivered)
{
    /// <summary>
    /// Compares what each receiver got with what it should have: <paramref name="expected"/> gives, for receiver r,
    /// the seqs it must have seen (every message for a dashboard, its own conversation's for a visitor).
    /// </summary>
    public static DeliveryCheck Of(IReadOnlyList<Receiver> receivers, Func<int, IEnumerable<long>> expected)
    {
        long lost = 0, duplicated = 0, outOfOrder = 0, reconnects = 0, delivered = 0;
        for (var r = 0; r < receivers.Count; r++)
        {
            var receiver = receivers[r];
            var arrivals = receiver.Arrivals();
            foreach (var seq in expected(r)) if (!arrivals.ContainsKey(seq)) lost++;
            duplicated += receiver.Duplicates;
            outOfOrder += receiver.OutOfOrder;
            reconnects += receiver.Reconnects;
            delivered += arrivals.Count;
        }
        return new DeliveryCheck(lost, duplicated, outOfOrder, reconnects, delivered);
    }
}
