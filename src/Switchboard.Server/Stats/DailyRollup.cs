using System.Data.Common;
using Dapper;

namespace Switchboard.Server.Stats;

/// <summary>
/// Computes a local day's rows from messages, conversations and <c>stats_facts</c>. Pure reads of rows that no
/// longer change once the day is over, so computing a closed day again gives the same rows.
/// </summary>
public static class DailyRollup
{
    /// <summary>The workspace row's member id in <c>stats_daily</c> (clients see null).</summary>
    public const long WorkspaceRow = 0;

    public static async Task<IReadOnlyList<DailyStats>> ComputeAsync(DbConnection c, DbTransaction tx, long workspaceId, DateOnly day,
        TimeZoneInfo zone, bool live, CancellationToken cancellationToken)
    {
        var (start, end) = LocalDay.Bounds(day, zone);
        var args = new { workspaceId, start = start.ToUnixTimeMilliseconds(), end = end.ToUnixTimeMilliseconds(), no = false };
        const string InDay = "workspace_id = @workspaceId AND created_at >= @start AND created_at < @end";

        var byRole = (await Query<RoleCount>(c, tx, $"""
            SELECT sender_role AS Role, COUNT(*) AS Count FROM messages WHERE {InDay} AND is_note = @no GROUP BY sender_role
            """, args, cancellationToken)).ToDictionary(r => r.Role, r => r.Count, StringComparer.Ordinal);
        var handled = await Scalar(c, tx, $"SELECT COUNT(DISTINCT conversation_id) FROM messages WHERE {InDay} AND is_note = @no AND sender_role = 'operator'", args, cancellationToken);
        var created = await Scalar(c, tx, $"SELECT COUNT(*) FROM conversations WHERE {InDay}", args, cancellationToken);
        var botConversations = await Scalar(c, tx, $"""
            SELECT COUNT(*) FROM (
                SELECT conversation_id FROM messages WHERE {InDay} AND is_note = @no AND sender_role = 'bot'
                UNION SELECT conversation_id FROM stats_facts WHERE workspace_id = @workspaceId AND at >= @start AND at < @end AND kind = 'handoff'
            ) bot
            """, args, cancellationToken);
        var perMember = await Query<MemberCount>(c, tx, $"""
            SELECT sender_id AS MemberId, COUNT(*) AS Messages, COUNT(DISTINCT conversation_id) AS Conversations
            FROM messages WHERE {InDay} AND is_note = @no AND sender_role = 'operator' AND sender_id IS NOT NULL GROUP BY sender_id
            """, args, cancellationToken);
        var facts = await Query<Fact>(c, tx, """
            SELECT kind AS Kind, member_id AS MemberId, conversation_id AS ConversationId, duration_ms AS DurationMs, human AS Human
            FROM stats_facts WHERE workspace_id = @workspaceId AND at >= @start AND at < @end
            """, args, cancellationToken);

        var dayText = LocalDay.Text(day);
        var rows = new List<DailyStats>
        {
            Row(dayText, null, start, end, live, facts,
                messages: byRole.GetValueOrDefault("operator"), bot: byRole.GetValueOrDefault("bot"), customer: byRole.GetValueOrDefault("customer"),
                handled: handled, created: created, botConversations: botConversations,
                handoffs: facts.Where(f => f.Kind == StatsFacts.Handoff).Select(f => f.ConversationId).Distinct().Count()),
        };
        var members = perMember.Select(m => m.MemberId)
            .Concat(facts.Where(f => f.MemberId is not null && f.Kind != StatsFacts.Handoff).Select(f => f.MemberId!.Value))
            .Distinct().Order();
        foreach (var memberId in members)
        {
            var counts = perMember.FirstOrDefault(m => m.MemberId == memberId);
            rows.Add(Row(dayText, memberId, start, end, live, facts.Where(f => f.MemberId == memberId).ToList(),
                messages: counts?.Messages ?? 0, bot: 0, customer: 0, handled: counts?.Conversations ?? 0, created: 0, botConversations: 0, handoffs: 0));
        }
        return rows;
    }

    static DailyStats Row(string day, long? memberId, DateTimeOffset start, DateTimeOffset end, bool live, IReadOnlyList<Fact> facts,
        long messages, long bot, long customer, long handled, long created, long botConversations, long handoffs)
    {
        var firstResponses = facts.Where(f => f.Kind == StatsFacts.FirstResponse).Select(f => f.DurationMs ?? 0).ToList();
        var resolved = facts.Where(f => f.Kind == StatsFacts.Resolved).ToList();
        var resolutionTimes = resolved.Select(f => f.DurationMs ?? 0).ToList();
        var withoutHuman = resolved.Count(f => f.Human == false);
        return new DailyStats(day, memberId, start, end, live, messages, bot, customer, handled, created,
            firstResponses.Count, Percentiles.Of(firstResponses, 50), Percentiles.Of(firstResponses, 90),
            resolved.Count, withoutHuman, Percentiles.Of(resolutionTimes, 50), Percentiles.Of(resolutionTimes, 90),
            handoffs, botConversations,
            memberId is null && resolved.Count > 0 ? Math.Round((double)withoutHuman / resolved.Count, 4) : null,
            memberId is null && botConversations > 0 ? Math.Round((double)handoffs / botConversations, 4) : null);
    }

    static async Task<List<T>> Query<T>(DbConnection c, DbTransaction tx, string sql, object args, CancellationToken cancellationToken) =>
        (await c.QueryAsync<T>(new CommandDefinition(sql, args, tx, cancellationToken: cancellationToken))).ToList();

    static Task<long> Scalar(DbConnection c, DbTransaction tx, string sql, object args, CancellationToken cancellationToken) =>
        c.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, tx, cancellationToken: cancellationToken));

    sealed class RoleCount
    {
        public string Role { get; set; } = "";
        public long Count { get; set; }
    }

    sealed class MemberCount
    {
        public long MemberId { get; set; }
        public long Messages { get; set; }
        public long Conversations { get; set; }
    }

    sealed class Fact
    {
        public string Kind { get; set; } = "";
        public long? MemberId { get; set; }
        public long ConversationId { get; set; }
        public long? DurationMs { get; set; }
        public bool? Human { get; set; }
    }
}
