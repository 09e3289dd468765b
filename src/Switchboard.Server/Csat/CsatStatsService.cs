using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Server.Auth;
using Switchboard.Server.Labels;
using Switchboard.Server.Members;
using Switchboard.Server.Stats;
using Switchboard.Server.Storage;
using Switchboard.Server.Teams;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Csat;

/// <summary>
/// Satisfaction over local days, computed on request from the ratings given in the period (by when the customer first
/// rated): in total, per operator (the assignee at resolution), per team (the team the rating's inbox is in now), per
/// label (the labels the conversation carries now) and per day. Every grouping is one key over the same rows
/// (<see cref="RatedRow"/>): a column in the query and one <see cref="Group{TKey}"/> call.
/// </summary>
public sealed class CsatStatsService(Database database, IOptions<StatsOptions> options, TimeProvider clock)
{
    public Task<CsatStatsResponse> ForPeriodAsync(Caller caller, string? from, string? to, CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) =>
        {
            var zone = LocalDay.Zone((await WorkspaceStore.GetSettingsAsync(c, tx, caller.WorkspaceId)).TimeZone);
            var (first, last) = LocalDay.Period(from, to, LocalDay.Of(clock.GetUtcNow(), zone), options.Value.MaxRangeDays);
            var rows = (await c.QueryAsync<RatedRow>(new CommandDefinition("""
                SELECT r.assignee_id AS AssigneeId, r.rated_at AS RatedAt, r.rating AS Rating, cv.label_ids AS LabelIds, r.inbox_id AS InboxId,
                       i.team_id AS TeamId
                FROM csat_ratings r JOIN conversations cv ON cv.id = r.conversation_id LEFT JOIN inboxes i ON i.id = r.inbox_id
                WHERE r.workspace_id = @workspaceId AND r.rated_at IS NOT NULL AND r.rated_at >= @start AND r.rated_at < @end
                """, new { workspaceId = caller.WorkspaceId, start = LocalDay.Bounds(first, zone).Start.ToUnixTimeMilliseconds(),
                    end = LocalDay.Bounds(last, zone).End.ToUnixTimeMilliseconds() }, tx, cancellationToken: cancellationToken))).ToList();

            var members = (await MemberStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken)).ToDictionary(m => m.Id, m => m.Name);
            var byOperator = Group(rows, r => r.AssigneeId)
                .Select(g => new CsatOperatorStats(g.Key, g.Key is { } id ? members.GetValueOrDefault(id) : null, g.Ratings))
                .OrderByDescending(o => o.Ratings.Count).ThenBy(o => o.MemberId ?? long.MaxValue).ToList();

            // Per team: only once the workspace has teams; "no team" (null) gathers the inboxes of no team.
            var teams = (await TeamStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken)).ToDictionary(t => t.Id, t => t.Name);
            var byTeam = teams.Count == 0 ? [] : Group(rows, r => r.TeamId)
                .Select(g => new CsatTeamStats(g.Key, g.Key is { } id ? teams.GetValueOrDefault(id) : null, g.Ratings))
                .OrderBy(t => t.TeamId is null).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();

            var labelled = rows.Select(r => (Row: r, Labels: LabelIdList.Parse(r.LabelIds ?? ""))).ToList();
            var labels = await LabelStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken);
            var byLabel = labels.Select(l => new CsatLabelStats(l.Id, l.Name, l.Colour, Summarize(labelled.Where(x => x.Labels.Contains(l.Id)).Select(x => x.Row))))
                .Where(l => l.Ratings.Count > 0).ToList();

            var perDay = Group(rows, r => LocalDay.Text(LocalDay.Of(DateTimeOffset.FromUnixTimeMilliseconds(r.RatedAt), zone))).ToDictionary(g => g.Key!, g => g.Ratings);
            var byDay = new List<CsatDayStats>();
            for (var day = first; day <= last; day = day.AddDays(1))
                byDay.Add(new CsatDayStats(LocalDay.Text(day), perDay.GetValueOrDefault(LocalDay.Text(day)) ?? Summarize([])));

            return new CsatStatsResponse(LocalDay.Text(first), LocalDay.Text(last), zone.Id, Summarize(rows), byOperator, byTeam, byLabel, byDay);
        }, cancellationToken);

    /// <summary>The ratings per key, one summary each.</summary>
    static IEnumerable<(TKey Key, CsatSummary Ratings)> Group<TKey>(IEnumerable<RatedRow> rows, Func<RatedRow, TKey> key) =>
        rows.GroupBy(key).Select(g => (g.Key, Summarize(g)));

    /// <summary>Count, average (two decimals, away from zero) and the count of each score; null average when nobody rated.</summary>
    public static CsatSummary Summarize(IEnumerable<RatedRow> rows)
    {
        var distribution = new long[CsatService.MaxRating];
        foreach (var r in rows) distribution[r.Rating - 1]++;
        var count = distribution.Sum();
        double? average = count == 0 ? null
            : Math.Round(distribution.Select((n, i) => n * (i + 1.0)).Sum() / count, 2, MidpointRounding.AwayFromZero);
        return new CsatSummary(count, average, distribution);
    }

    /// <summary>One rating as the statistics read it.</summary>
    public sealed class RatedRow
    {
        public long? AssigneeId { get; set; }
        public long RatedAt { get; set; }
        public int Rating { get; set; }
        public string? LabelIds { get; set; }
        public long InboxId { get; set; }
        public long? TeamId { get; set; }
    }
}
