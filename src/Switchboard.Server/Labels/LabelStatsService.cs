using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Server.Auth;
using Switchboard.Server.Stats;
using Switchboard.Server.Storage;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Labels;

/// <summary>
/// Conversations per label over local days: opened (created) in the period, resolved in the period (distinct conversations
/// with a <c>resolved</c> statistics fact), and open now. Counted by the labels conversations carry now, computed on request.
/// </summary>
public sealed class LabelStatsService(Database database, IOptions<StatsOptions> options, TimeProvider clock)
{
    public Task<LabelStatsResponse> ForPeriodAsync(Caller caller, string? from, string? to, CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) =>
        {
            var zone = LocalDay.Zone((await WorkspaceStore.GetSettingsAsync(c, tx, caller.WorkspaceId)).TimeZone);
            var today = LocalDay.Of(clock.GetUtcNow(), zone);
            var (first, last) = LocalDay.Period(from, to, today, options.Value.MaxRangeDays);
            var args = new { workspaceId = caller.WorkspaceId, start = LocalDay.Bounds(first, zone).Start.ToUnixTimeMilliseconds(),
                end = LocalDay.Bounds(last, zone).End.ToUnixTimeMilliseconds(), resolved = StatsFacts.Resolved, resolvedState = "resolved" };

            // Only labelled conversations are read; the per-label counts are made here, the same way on both databases.
            var opened = await LabelSets(c, tx, "SELECT label_ids FROM conversations WHERE workspace_id = @workspaceId AND label_ids <> '' AND created_at >= @start AND created_at < @end", args, cancellationToken);
            var resolved = await LabelSets(c, tx, """
                SELECT cv.label_ids FROM conversations cv WHERE cv.workspace_id = @workspaceId AND cv.label_ids <> '' AND EXISTS (
                    SELECT 1 FROM stats_facts f WHERE f.conversation_id = cv.id AND f.workspace_id = @workspaceId AND f.kind = @resolved AND f.at >= @start AND f.at < @end)
                """, args, cancellationToken);
            var open = await LabelSets(c, tx, "SELECT label_ids FROM conversations WHERE workspace_id = @workspaceId AND label_ids <> '' AND state <> @resolvedState", args, cancellationToken);

            var labels = await LabelStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken);
            var items = labels.Select(l => new LabelStats(l.Id, l.Name, l.Colour, Count(opened, l.Id), Count(resolved, l.Id), Count(open, l.Id))).ToList();
            return new LabelStatsResponse(LocalDay.Text(first), LocalDay.Text(last), zone.Id, items);
        }, cancellationToken);

    static async Task<List<LabelIdSet>> LabelSets(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction tx, string sql, object args,
        CancellationToken cancellationToken) =>
        (await c.QueryAsync<string>(new CommandDefinition(sql, args, tx, cancellationToken: cancellationToken))).Select(LabelIdList.Parse).ToList();

    static long Count(List<LabelIdSet> sets, long labelId) => sets.Count(s => s.Contains(labelId));
}
