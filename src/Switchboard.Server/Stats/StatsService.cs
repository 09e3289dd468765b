using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.EventLog;
using Switchboard.Server.Storage;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Stats;

/// <summary>Daily statistics: closed days from the rollup tables, today (and any day not closed yet) computed live.</summary>
public sealed class StatsService(Database database, EventLogWriter eventLog, IOptions<StatsOptions> options, TimeProvider clock, ILogger<StatsService> logger)
{
    public Task<DailyStatsResponse> DailyAsync(Caller caller, string? from, string? to, long? memberId, CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) =>
        {
            var settings = await WorkspaceStore.GetSettingsAsync(c, tx, caller.WorkspaceId);
            var zone = LocalDay.Zone(settings.TimeZone);
            var today = LocalDay.Of(clock.GetUtcNow(), zone);
            var (first, last) = LocalDay.Period(from, to, today, options.Value.MaxRangeDays);
            var end = last > today ? today : last; // the future has no statistics yet

            var (fromText, toText) = (LocalDay.Text(first), LocalDay.Text(end));
            var closed = await StatsStore.ClosedDaysAsync(c, tx, caller.WorkspaceId, fromText, toText);
            var rows = (await StatsStore.RowsAsync(c, tx, caller.WorkspaceId, fromText, toText, closed)).ToList();
            for (var day = first; day <= end; day = day.AddDays(1))
                if (!closed.ContainsKey(LocalDay.Text(day)))
                    // Only today still moves: a past day the nightly job has not closed yet is computed on the fly but final.
                    rows.AddRange(await DailyRollup.ComputeAsync(c, tx, caller.WorkspaceId, day, zone, live: day == today, cancellationToken));
            var items = rows
                .Where(r => memberId is null || r.MemberId == memberId)
                .OrderBy(r => r.Day, StringComparer.Ordinal).ThenBy(r => r.MemberId ?? 0)
                .ToList();
            return new DailyStatsResponse(fromText, LocalDay.Text(last), zone.Id, items);
        }, cancellationToken);

    /// <summary>
    /// Computes and stores a finished local day (idempotent: closing it again replaces its rows with the same values).
    /// Runs in the workspace's write transaction so it reads a state no writer is changing.
    /// </summary>
    public Task<IReadOnlyList<DailyStats>> CloseDayAsync(long workspaceId, DateOnly day, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(workspaceId, async w =>
        {
            var settings = await WorkspaceStore.GetSettingsAsync(w);
            var zone = LocalDay.Zone(settings.TimeZone);
            if (day >= LocalDay.Of(w.Now, zone))
                throw new DomainException("day_not_over", "Only a day that has ended in the workspace's time zone can be closed.");
            var rows = await DailyRollup.ComputeAsync(w.Connection, w.Transaction, workspaceId, day, zone, live: false, cancellationToken);
            await StatsStore.SaveDayAsync(w.Connection, w.Transaction, workspaceId, rows, w.Now);
            StatsLog.DayClosed(logger, workspaceId, LocalDay.Text(day), rows.Count);
            return rows;
        }, cancellationToken);

    /// <summary>Closes every ended day of every workspace that is not closed yet (bounded by <see cref="StatsOptions.CatchUpDays"/>).</summary>
    public async Task<int> CloseEndedDaysAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var workspaces = await database.ReadAsync(async (c, tx) =>
            (await c.QueryAsync<(long Id, long CreatedAt)>(new CommandDefinition("SELECT id, created_at FROM workspaces ORDER BY id", transaction: tx,
                cancellationToken: cancellationToken))).ToList(), cancellationToken);
        var closedCount = 0;
        foreach (var (workspaceId, createdAt) in workspaces)
        {
            var open = await database.ReadAsync(async (c, tx) =>
            {
                var zone = LocalDay.Zone((await WorkspaceStore.GetSettingsAsync(c, tx, workspaceId)).TimeZone);
                var today = LocalDay.Of(now, zone);
                var created = LocalDay.Of(DateTimeOffset.FromUnixTimeMilliseconds(createdAt), zone);
                var first = created > today.AddDays(-options.Value.CatchUpDays) ? created : today.AddDays(-options.Value.CatchUpDays);
                var closed = await StatsStore.ClosedDaysAsync(c, tx, workspaceId, LocalDay.Text(first), LocalDay.Text(today));
                var days = new List<DateOnly>();
                for (var d = first; d < today; d = d.AddDays(1))
                    if (!closed.ContainsKey(LocalDay.Text(d))) days.Add(d);
                return days;
            }, cancellationToken);
            foreach (var day in open)
            {
                await CloseDayAsync(workspaceId, day, cancellationToken);
                closedCount++;
            }
        }
        return closedCount;
    }
}
