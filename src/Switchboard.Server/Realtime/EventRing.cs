using Switchboard.Server.EventLog;


namespace Switchboard.Server.Realtime;

/// <summary>
/// The most recent events of one workspace, indexed by <c>seq % capacity</c>. Indexing by seq (rather than
/// appending) keeps the ring right when two commits publish out of order, and lets a reader tell a hit
/// from an overwritten slot by comparing seqs, without a lock.
/// </summary>
public sealed class EventRing(int capacity)
{
    readonly StoredEvent?[] slots = new StoredEvent?[capacity];

    public int Capacity => slots.Length;

    public void Put(StoredEvent e) => Volatile.Write(ref slots[e.Seq % slots.Length], e);

    public bool TryGet(long seq, out StoredEvent e)
    {
        var found = Volatile.Read(ref slots[seq % slots.Length]);
        e = found!;
        return found is not null && found.Seq == seq;
    }
}
