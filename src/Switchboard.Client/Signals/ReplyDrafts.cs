using System.Text.Json;
using Switchboard.Client.Models;
using Switchboard.Client.Streaming;
using Switchboard.Client.Sync;

namespace Switchboard.Client.Signals;

/// <summary>
/// The bot's replies while they stream, as pending state keyed by reply id (the twin of web/client's replyDrafts.ts,
/// held to the same conformance vectors). A draft grows with its <c>bot.delta</c> pieces and leaves when the reply
/// ends: by <c>bot.reply.end</c> (abandoned: at once; completed: when its message replaces it), or, because signals are
/// live only and a reconnect can lose the end, by the durable state: the reply's message is in, or the bot is off in the
/// conversation (handed off, switched off, taken over). Ended ids are remembered, so late pieces never bring a draft
/// back. It also knows whether the bot is thinking (<c>bot.thinking</c>, ended by an abandoned reply or a replaced
/// draft even when <c>thinking: false</c> is lost). Not thread-safe (the <see cref="LiveStore"/> serializes it); time is passed in.
/// </summary>
public sealed class ReplyDrafts
{
    /// <summary>A reply with neither an end nor a durable sign (a lost end signal) leaves after this.</summary>
    public static readonly TimeSpan DraftTtl = TimeSpan.FromSeconds(60);
    /// <summary>A reply said "completed" waits this long for its message (which replaces it before, normally).</summary>
    public static readonly TimeSpan CompletedGrace = TimeSpan.FromSeconds(10);
    /// <summary>A bot that said "thinking" and then nothing stops looking busy after this.</summary>
    public static readonly TimeSpan ThinkingTtl = TimeSpan.FromSeconds(45);

    readonly Dictionary<long, List<Draft>> drafts = [];
    readonly Dictionary<string, DateTimeOffset> ended = new(StringComparer.Ordinal);
    readonly Dictionary<long, DateTimeOffset> thinking = [];

    /// <summary>Applies <c>bot.thinking</c>, <c>bot.delta</c> and <c>bot.reply.end</c>; others and unreadable data change nothing. True when the view changed.</summary>
    public bool Apply(SignalItem signal, DateTimeOffset now)
    {
        if (signal.ConversationId is not { } conversationId) return false;
        if (signal.Frame.ValueKind != JsonValueKind.Object || !signal.Frame.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object) return false;
        if (signal.Type == "bot.thinking")
        {
            if (data.TryGetProperty("thinking", out var on) && on.ValueKind == JsonValueKind.True) thinking[conversationId] = now + ThinkingTtl;
            else return thinking.Remove(conversationId);
            return true;
        }
        if (!data.TryGetProperty("replyId", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } replyId) return false;
        switch (signal.Type)
        {
            case "bot.delta":
                if (ended.ContainsKey(replyId)) return false;
                if (!data.TryGetProperty("index", out var i) || !i.TryGetInt32(out var index) || index < 0) return false;
                if (!data.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String) return false;
                var list = drafts.TryGetValue(conversationId, out var l) ? l : drafts[conversationId] = [];
                var draft = list.Find(d => d.ReplyId == replyId);
                if (draft is null) list.Add(draft = new Draft(replyId));
                draft.Pieces[index] = t.GetString()!; // a repeated piece replaces itself: never shown twice
                draft.Until = Max(draft.Until, now + DraftTtl);
                return true;
            case "bot.reply.end":
                ended[replyId] = now + DraftTtl;
                var completed = data.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.String && o.GetString() == "completed";
                // Abandoned: nothing is coming, so the bot is not busy with it either.
                var stoppedThinking = !completed && thinking.Remove(conversationId);
                if (!drafts.TryGetValue(conversationId, out var open) || open.Find(d => d.ReplyId == replyId) is not { } done) return stoppedThinking;
                if (!completed) return Drop(conversationId, r => r == replyId, now) | stoppedThinking;
                done.Until = Min(done.Until, now + CompletedGrace);
                return false;
            default:
                return false;
        }
    }

    /// <summary>What the durable state ended: drafts whose message is in, or every draft where the bot is off. True when one left.</summary>
    public bool Settle(LiveStoreCore core, DateTimeOffset now)
    {
        var changed = false;
        foreach (var conversationId in drafts.Keys.ToList())
        {
            var botOff = core.GetConversation(conversationId) is { BotActive: false };
            var ids = core.GetMessages(conversationId).Select(m => m.ClientMessageId).ToHashSet(StringComparer.Ordinal);
            changed |= Drop(conversationId, r => botOff || ids.Contains(r), now);
        }
        return changed;
    }

    /// <summary>Removes what expired by <paramref name="now"/>. True when a draft left.</summary>
    public bool Expire(DateTimeOffset now)
    {
        foreach (var (id, until) in ended.ToList()) if (until <= now) ended.Remove(id);
        var changed = false;
        foreach (var list in drafts.Values) changed |= list.RemoveAll(d => d.Until <= now) > 0;
        foreach (var (id, until) in thinking.ToList()) if (until <= now) changed |= thinking.Remove(id);
        return changed;
    }

    /// <summary>The replies streaming now in a conversation, oldest first.</summary>
    public IReadOnlyList<BotDraft> For(long conversationId) => drafts.TryGetValue(conversationId, out var list)
        ? [.. list.Select(d => new BotDraft(d.ReplyId, string.Concat(d.Pieces.Values)))]
        : [];

    /// <summary>Whether the bot is working on a reply in a conversation.</summary>
    public bool IsThinking(long conversationId) => thinking.ContainsKey(conversationId);

    bool Drop(long conversationId, Func<string, bool> isEnded, DateTimeOffset now)
    {
        if (!drafts.TryGetValue(conversationId, out var list)) return false;
        foreach (var d in list.Where(d => isEnded(d.ReplyId))) ended[d.ReplyId] = now + DraftTtl;
        if (list.RemoveAll(d => isEnded(d.ReplyId)) == 0) return false;
        // The last reply ended: the bot is no longer thinking about it, whether or not `thinking: false` arrived.
        if (list.Count == 0) thinking.Remove(conversationId);
        return true;
    }

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>Pieces by index (sorted, so a missing piece leaves its place empty rather than reordering the text).</summary>
    sealed class Draft(string replyId)
    {
        public string ReplyId { get; } = replyId;
        public SortedDictionary<int, string> Pieces { get; } = [];
        public DateTimeOffset Until { get; set; }
    }
}
