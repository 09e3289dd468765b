using System.Data.Common;
using Dapper;
using Switchboard.Server.Common;

namespace Switchboard.Server.Stats;

/// <summary>SQL of the rollup tables: a closed day is its rows in <c>stats_daily</c> plus its marker in <c>stats_days</c>.</summary>
public static class StatsStore
{
    const string Columns = """
        workspace_id, day, member_id, messages_sent, bot_messages, customer_messages, conversations_handled, new_conversations,
        first_responses, first_response_median_ms, first_response_p90_ms, resolved, resolved_without_human,
        resolution_median_ms, resolution_p90_ms, handoffs, bot_conversations
        """;

    /// <summary>Replaces a day's rows: delete and insert in one transaction, so running it again yields the same rows.</summary>
    public static async Task SaveDayAsync(DbConnection c, DbTransaction tx, long workspaceId, IReadOnlyList<DailyStats> rows, DateTimeOffset closedAt)
    {
        var day = rows[0].Day;
        await c.ExecuteAsync("DELETE FROM stats_daily WHERE workspace_id = @workspaceId AND day = @day", new { workspaceId, day }, tx);
        await c.ExecuteAsync("DELETE FROM stats_days WHERE workspace_id = @workspaceId AND day = @day", new { workspaceId, day }, tx);
        foreach (var r in rows)
            await c.ExecuteAsync($"""
                INSERT INTO stats_daily ({Columns}) VALUES (@workspaceId, @Day, @member, @MessagesSent, @BotMessages, @CustomerMessages,
                    @ConversationsHandled, @NewConversations, @FirstResponses, @FirstResponseMedianMs, @FirstResponseP90Ms, @Resolved,
                    @ResolvedWithoutHuman, @ResolutionMedianMs, @ResolutionP90Ms, @Handoffs, @BotConversations)
                """, new DynamicParameters(r).With("workspaceId", workspaceId).With("member", r.MemberId ?? DailyRollup.WorkspaceRow), tx);
        await c.ExecuteAsync("""
            INSERT INTO stats_days (workspace_id, day, day_start, day_end, closed_at) VALUES (@workspaceId, @day, @start, @end, @closed)
            """, new { workspaceId, day, start = rows[0].DayStart.ToUnixTimeMilliseconds(), end = rows[0].DayEnd.ToUnixTimeMilliseconds(), closed = closedAt.ToUnixTimeMilliseconds() }, tx);
    }

    /// <summary>The closed days in [from, to] with their bounds.</summary>
    public static async Task<Dictionary<string, (long Start, long End)>> ClosedDaysAsync(DbConnection c, DbTransaction tx, long workspaceId, string from, string to) =>
        (await c.QueryAsync<(string Day, long Start, long End)>(
            "SELECT day, day_start, day_end FROM stats_days WHERE workspace_id = @workspaceId AND day >= @from AND day <= @to",
            new { workspaceId, from, to }, tx)).ToDictionary(d => d.Day, d => (d.Start, d.End), StringComparer.Ordinal);

    public static async Task<IReadOnlyList<DailyStats>> RowsAsync(DbConnection c, DbTransaction tx, long workspaceId, string from, string to,
        IReadOnlyDictionary<string, (long Start, long End)> bounds) =>
        (await c.QueryAsync<Row>($"SELECT {Columns} FROM stats_daily WHERE workspace_id = @workspaceId AND day >= @from AND day <= @to ORDER BY day, member_id",
            new { workspaceId, from, to }, tx)).Select(r => r.ToStats(bounds[r.Day])).ToList();

    static DynamicParameters With(this DynamicParameters p, string name, object value)
    {
        p.Add(name, value);
        return p;
    }

    sealed class Row
    {
        public string Day { get; set; } = "";
        public long MemberId { get; set; }
        public long MessagesSent { get; set; }
        public long BotMessages { get; set; }
        public long CustomerMessages { get; set; }
        public long ConversationsHandled { get; set; }
        public long NewConversations { get; set; }
        public long FirstResponses { get; set; }
        public long? FirstResponseMedianMs { get; set; }
        public long? FirstResponseP90Ms { get; set; }
        public long Resolved { get; set; }
        public long ResolvedWithoutHuman { get; set; }
        public long? ResolutionMedianMs { get; set; }
        public long? ResolutionP90Ms { get; set; }
        public long Handoffs { get; set; }
        public long BotConversations { get; set; }

        public DailyStats ToStats((long Start, long End) bounds)
        {
            var workspace = MemberId == DailyRollup.WorkspaceRow;
            return new DailyStats(Day, workspace ? null : MemberId, Time.FromMs(bounds.Start), Time.FromMs(bounds.End), Live: false,
                MessagesSent, BotMessages, CustomerMessages, ConversationsHandled, NewConversations,
                FirstResponses, FirstResponseMedianMs, FirstResponseP90Ms, Resolved, ResolvedWithoutHuman, ResolutionMedianMs, ResolutionP90Ms,
                Handoffs, BotConversations,
                workspace && Resolved > 0 ? Math.Round((double)ResolvedWithoutHuman / Resolved, 4) : null,
                workspace && BotConversations > 0 ? Math.Round((double)Handoffs / BotConversations, 4) : null);
        }
    }
}
