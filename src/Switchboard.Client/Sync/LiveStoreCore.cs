using Switchboard.Client.Models;

namespace Switchboard.Client.Sync;

/// <summary>
/// The optimistic live store without any I/O (DESIGN §1): <c>view = confirmed state + pending mutations
/// re-applied in order</c>. The caller feeds it snapshots, stream events, answers and the time, and sends
/// what <see cref="TakeDueRequests"/> returns. Not thread-safe: one caller at a time (the
/// <c>LiveStore</c> shell serializes access). The TypeScript SDK implements the same algorithm, and both
/// pass the JSON vectors in <c>spec/sync</c>.
/// </summary>
public sealed partial class LiveStoreCore(RetryPolicy? retryPolicy = null, Random? random = null)
{
    readonly Dictionary<long, ConversationDto> conversations = [];
    readonly Dictionary<long, Dictionary<string, MessageDto>> messages = [];
    readonly Dictionary<long, MemberDto> members = [];
    // The workspace's labels; deleted ids are remembered so a merged (not replacing) older snapshot cannot bring one back.
    readonly Dictionary<long, LabelDto> labels = [];
    readonly HashSet<long> deletedLabels = [];
    readonly CannedReplySet cannedReplies = new();
    readonly ContactSet contacts = new();
    readonly List<PendingMutation> pending = [];
    readonly List<StoreError> errors = [];
    readonly RetryPolicy retry = retryPolicy ?? RetryPolicy.Default;
    readonly Random random = random ?? Random.Shared;
    long nextOrder;

    /// <summary>The highest seq applied: every event up to it is part of the confirmed state.</summary>
    public long Cursor { get; private set; }

    /// <summary>True until a snapshot is loaded, and again after the stream said <c>reset</c>.</summary>
    public bool NeedsSnapshot { get; private set; } = true;

    /// <summary>Raised after every change of the view.</summary>
    public event Action? Changed;

    /// <summary>Writes refused by the server or given up, oldest first.</summary>
    public IReadOnlyList<StoreError> Errors => errors;

    /// <summary>Local changes not yet confirmed by the stream.</summary>
    public int PendingCount => pending.Count;

    /// <summary>
    /// Loads a snapshot. While one is needed (the first, or after the stream said <c>reset</c>) it is the truth:
    /// it replaces the confirmed state and the cursor, even a cursor ahead of it (a server restored from a
    /// backup), and messages reload by page. Otherwise it merges by version and the cursor only moves forward.
    /// Pending work is kept either way.
    /// </summary>
    public void LoadSnapshot(SnapshotDto snapshot)
    {
        cannedReplies.Load(snapshot.CannedReplies, replace: NeedsSnapshot);
        if (NeedsSnapshot)
        {
            conversations.Clear();
            members.Clear();
            labels.Clear();
            deletedLabels.Clear();
            messages.Clear();
            BreakContinuity(replaced: true);
            Cursor = snapshot.Cursor;
        }
        foreach (var c in snapshot.Conversations) UpsertConversation(c);
        foreach (var m in snapshot.Members) UpsertMember(m);
        foreach (var l in snapshot.Labels) UpsertLabel(l);
        Cursor = Math.Max(Cursor, snapshot.Cursor);
        NeedsSnapshot = false;
        Settle();
    }

    /// <summary>
    /// Merges messages without saying which range they cover: they are kept, but only a page loaded with
    /// <see cref="LoadPage"/> makes a range of the transcript complete. Versions decide, so any order is safe.
    /// </summary>
    public void LoadMessages(long conversationId, IEnumerable<MessageDto> page)
    {
        foreach (var m in page) UpsertMessage(m with { ConversationId = conversationId });
        Settle();
    }

    /// <summary>Applies a durable event. Events at or below the cursor were applied before and change nothing.</summary>
    public void ApplyEvent(StreamEvent e)
    {
        if (e.Seq <= Cursor) return;
        ApplyData(e);
        Cursor = e.Seq;
        if (e.MutationId is { } mutationId) pending.RemoveAll(p => p is PendingPatch && p.Key == mutationId);
        // A message is settled by its confirmed copy (Settle), so an unreadable event never makes one vanish.
        Settle();
    }

    /// <summary>The stream moved past events this client may not see: the cursor advances without data.</summary>
    public void AdvanceCursor(long seq)
    {
        if (seq <= Cursor) return;
        Cursor = seq;
        Settle();
    }

    /// <summary>The stream's cursor is older than retention: the caller must load a fresh snapshot; pending work is kept.</summary>
    public void RequestSnapshot()
    {
        NeedsSnapshot = true;
        BreakContinuity(replaced: false);
        Changed?.Invoke();
    }

    /// <summary>
    /// Reads all of an event's data first and applies it only if all of it is readable: one malformed event
    /// must not stop the stream nor half-apply. Its seq still counts.
    /// </summary>
    void ApplyData(StreamEvent e)
    {
        if (cannedReplies.Apply(e) || contacts.Apply(e) || ApplyAttachmentUpdate(e)) return;
        if (EventData.Read(e) is not { } data) return;
        if (data.Member is { } member) UpsertMember(member);
        if (data.Label is { } label) UpsertLabel(label);
        if (data.DeletedLabelId is { } deletedId)
        {
            labels.Remove(deletedId);
            deletedLabels.Add(deletedId);
        }
        if (data.Message is { } message) UpsertMessage(message);
        if (data.Conversation is { } conversation) UpsertConversation(conversation);
    }

    void UpsertMember(MemberDto m)
    {
        if (!members.TryGetValue(m.Id, out var known) || known.Version < m.Version) members[m.Id] = m;
    }

    void UpsertLabel(LabelDto l)
    {
        if (!deletedLabels.Contains(l.Id) && (!labels.TryGetValue(l.Id, out var known) || known.Version < l.Version)) labels[l.Id] = l;
    }

    void UpsertConversation(ConversationDto c)
    {
        if (!conversations.TryGetValue(c.Id, out var known) || known.Version < c.Version) conversations[c.Id] = c;
    }

    void UpsertMessage(MessageDto m)
    {
        if (!messages.TryGetValue(m.ConversationId, out var byClientId)) messages[m.ConversationId] = byClientId = new(StringComparer.Ordinal);
        if (!byClientId.TryGetValue(m.ClientMessageId, out var known) || known.Version < m.Version) byClientId[m.ClientMessageId] = m;
    }

    /// <summary>Drops every pending change the confirmed state now includes, then tells the view.</summary>
    void Settle()
    {
        if (ahead.Count > 0) MergeCaughtUpPages();
        foreach (var p in pending.Where(p => p.ResponseSeq is { } seq && seq <= Cursor).OfType<PendingMessage>().ToList())
        {
            // The cursor passed the answer's seq, so the message is part of the confirmed state even if its event
            // was never seen (a reset skipped it): keep the answer's copy; versions settle any later change.
            var confirmed = messages.TryGetValue(p.ConversationId, out var known) && known.ContainsKey(p.Key);
            if (p.Server is { } server && !confirmed) UpsertMessage(server with { ConversationId = p.ConversationId });
        }
        pending.RemoveAll(p =>
            (p.ResponseSeq is { } seq && seq <= Cursor)
            || (p is PendingMessage && messages.TryGetValue(p.ConversationId, out var known) && known.ContainsKey(p.Key)));
        Changed?.Invoke();
    }
}
