using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Stats;

/// <summary>
/// Records, in the transaction of the event itself, the facts rollups need and messages alone do not keep:
/// a conversation's first human response (and how long the customer waited for it), each resolution (how long
/// it took, whether a human took part) and each handoff. An "episode" runs from one resolution to the next, so a
/// reopened conversation gets a first response and a resolution time of its own.
/// </summary>
public sealed class StatsFacts : IWriteHook
{
    public const string FirstResponse = "first_response";
    public const string Resolved = "resolved";
    public const string Handoff = "handoff";

    /// <summary>After automatic assignment, so a resolution's assignee is final.</summary>
    public int Order => 50;

    public async Task BeforeCommitAsync(WriteContext w, IReadOnlyList<AppendedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            switch (e.Draft.Data)
            {
                case MessageEventData { Message: { SenderRole: SenderRole.Operator, IsNote: false } m } when e.Draft.Type == EventTypes.MessageCreated:
                    await FirstResponseAsync(w, m.ConversationId, m.SenderId, e.Stored.Seq);
                    break;
                case ConversationEventData { Change: ConversationChange.Resolved } d when e.Draft.Type == EventTypes.ConversationUpdated:
                    await ResolvedAsync(w, d.Conversation, e.Stored.Seq);
                    break;
                case ConversationEventData { Change: ConversationChange.Handoff } d when e.Draft.Type == EventTypes.ConversationUpdated:
                    await InsertAsync(w, d.Conversation.Id, Handoff, null, e.Stored.Seq, null, null);
                    break;
            }
        }
    }

    static async Task FirstResponseAsync(WriteContext w, long conversationId, long? memberId, long seq)
    {
        // Every operator reply asks, so it is one statement: the episode's start, whether it was answered already (the
        // usual case) and since when the customer waits.
        var (answered, waitingSince) = await w.QuerySingleAsync<(long?, long?)>($"""
            SELECT ({FirstSql(OperatorReply, "e.start")}), ({FirstSql(CustomerMessage, "e.start", before: null)})
            FROM ({EpisodeStartSql}) e
            """, new { conversationId, Resolved, before = seq, no = false }, w.CancellationToken);
        if (answered is not null) return;
        // A proactive message (no customer message yet) answers nobody: no response time to measure.
        if (waitingSince is { } since) await InsertAsync(w, conversationId, FirstResponse, memberId, seq, w.NowMs - since, null);
    }

    static async Task ResolvedAsync(WriteContext w, ConversationResponse conversation, long seq)
    {
        var conversationId = conversation.Id;
        var episode = await EpisodeStartSeqAsync(w, conversationId);
        var started = await FirstAsync(w, conversationId, episode, "is_note = @no");
        var since = started ?? (episode == 0 ? conversation.CreatedAt.ToUnixTimeMilliseconds() : w.NowMs);
        var human = await FirstAsync(w, conversationId, episode, OperatorReply) is not null;
        await InsertAsync(w, conversationId, Resolved, conversation.AssigneeId, seq, w.NowMs - since, human);
    }

    /// <summary>
    /// When the episode's first message matching <paramref name="condition"/> (and before seq <paramref name="before"/>)
    /// was written, or null when there is none. Messages are created in seq order, so the first by seq is the earliest.
    /// The lookup walks the conversation's messages in seq order from the episode's start and stops at the first match
    /// (ix_messages_conversation_seq): a reply costs the same in the thousandth message as in the first.
    /// </summary>
    static Task<long?> FirstAsync(WriteContext w, long conversationId, long episode, string condition) =>
        w.QuerySingleOrDefaultAsync<long?>(FirstSql(condition, "@episode", before: null), new { conversationId, episode, no = false }, w.CancellationToken);

    const string OperatorReply = "sender_role = 'operator' AND is_note = @no";
    const string CustomerMessage = "sender_role = 'customer'";

    /// <summary>The first message of the episode after <paramref name="episode"/> matching <paramref name="condition"/>, before seq <c>@before</c> unless null.</summary>
    static string FirstSql(string condition, string episode, string? before = "@before") =>
        $"SELECT created_at FROM messages WHERE conversation_id = @conversationId AND seq > {episode}{(before is null ? "" : $" AND seq < {before}")} AND {condition} ORDER BY seq LIMIT 1";

    /// <summary>The seq of the conversation's latest resolution (0 when never resolved): the current episode began after it.</summary>
    const string EpisodeStartSql = "SELECT COALESCE(MAX(seq), 0) AS start FROM stats_facts WHERE conversation_id = @conversationId AND kind = @Resolved";

    static Task<long> EpisodeStartSeqAsync(WriteContext w, long conversationId) =>
        w.QuerySingleAsync<long>(EpisodeStartSql, new { conversationId, Resolved }, w.CancellationToken);

    static Task InsertAsync(WriteContext w, long conversationId, string kind, long? memberId, long seq, long? durationMs, bool? human) => w.ExecuteAsync("""
        INSERT INTO stats_facts (workspace_id, conversation_id, kind, member_id, seq, at, duration_ms, human)
        VALUES (@WorkspaceId, @conversationId, @kind, @memberId, @seq, @NowMs, @durationMs, @human)
        """, new { w.WorkspaceId, conversationId, kind, memberId, seq, w.NowMs, durationMs, human }, w.CancellationToken);
}
