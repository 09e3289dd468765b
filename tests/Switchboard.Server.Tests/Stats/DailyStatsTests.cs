using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Jobs;
using Switchboard.Server.Stats;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Stats;

/// <summary>Daily rollups by the workspace's local day, around DST changes (23- and 25-hour days), closed by the periodic job.</summary>
public sealed class DailyStatsTests
{
    public static TheoryData<DatabaseKind, string, string, int> DstDays => new()
    {
        { DatabaseKind.Sqlite, "Europe/Berlin", "2025-03-30", 23 },
        { DatabaseKind.Postgres, "Europe/Berlin", "2025-10-26", 25 },
        { DatabaseKind.Postgres, "America/New_York", "2025-03-09", 23 },
        { DatabaseKind.Sqlite, "America/New_York", "2025-11-02", 25 },
    };

    [Theory, MemberData(nameof(DstDays))]
    public async Task DayClosesAfterLocalMidnightWithItsTrueLengthAndClosingAgainGivesTheSameRows(DatabaseKind db, string zoneId, string dayText, int hours)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var (start, end) = LocalDay.Bounds(DateOnly.Parse(dayText, System.Globalization.CultureInfo.InvariantCulture), zone);
        Assert.Equal(TimeSpan.FromHours(hours), end - start);
        var clock = new ManualClock(start.AddHours(-1));
        var recorder = new JobRecorder();
        await using var app = await TestApp.StartAsync(db, configureServices: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IJobObserver>(recorder);
        });
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false, TimeZone = zoneId, IdleTimeout = TimeSpan.FromDays(2) });

        clock.AdvanceTo(start.AddMinutes(-1));
        await (await ws.NewVisitorAsync()).WriteAsync("the evening before"); // previous local day
        clock.AdvanceTo(start);
        var b = await ws.NewVisitorAsync();
        await b.WriteAsync("first thing in the morning");                // waits 4 minutes
        clock.AdvanceTo(start.AddMinutes(2));
        await ws.Operator.ClaimAsync(b.ConversationId);
        clock.AdvanceTo(start.AddMinutes(4));
        await ws.Operator.ReplyAsync(b.ConversationId, "Good morning!");
        clock.AdvanceTo(start.AddMinutes(10));
        await ws.Operator.PatchConversationAsync(b.ConversationId, new { mutationId = WorkflowClient.NewId(), resolved = true }); // 10 min, human

        var f = await ws.NewVisitorAsync();
        await f.WriteAsync("never mind");
        clock.AdvanceTo(start.AddMinutes(13));
        await ws.Admin.PatchConversationAsync(f.ConversationId, new { mutationId = WorkflowClient.NewId(), resolved = true }); // 3 min, no human

        var g = (await ws.NewVisitorAsync()).ConversationId;
        await ws.Admin.PatchConversationAsync(g, new { mutationId = WorkflowClient.NewId(), botActive = true });
        await (await ws.Admin.PostJsonAsync($"/api/v1/conversations/{g}/handoff", new { mutationId = WorkflowClient.NewId(), reason = "low confidence" })).ReadAsync<object>();

        clock.AdvanceTo(end.AddMinutes(-2));
        var c = await ws.NewVisitorAsync();
        await c.WriteAsync("late question");                             // the day's last hour proves its length
        await ws.Operator.ClaimAsync(c.ConversationId);
        clock.AdvanceTo(end.AddMinutes(-1));
        await ws.Operator.ReplyAsync(c.ConversationId, "late answer");   // waited 1 minute
        clock.AdvanceTo(end);
        await (await ws.NewVisitorAsync()).WriteAsync("the next day");

        // After local midnight, the periodic job closes the day. A run that began before the clock moved may
        // still finish after it, so wait for runs until the day is closed.
        clock.AdvanceTo(end.AddMinutes(20));
        while (true)
        {
            var seen = recorder.Outcomes.Count;
            if (await IsClosedAsync(app, ws.Id, dayText)) break;
            await recorder.WaitAsync(o => o.Kind == StatsCloseHandler.JobKind && o.State == JobState.Succeeded, skip: seen);
        }

        var daily = await ws.Admin.GetAsync<DailyStatsResponse>($"/api/v1/stats/daily?from={dayText}&to={dayText}");
        var total = Assert.Single(daily.Items, r => r.MemberId is null);
        Assert.False(total.Live);
        Assert.Equal((start, end), (total.DayStart, total.DayEnd));
        Assert.Equal((2, 3, 2, 4), (total.MessagesSent, total.CustomerMessages, total.ConversationsHandled, total.NewConversations));
        Assert.Equal((2L, 60_000L, 240_000L), (total.FirstResponses, total.FirstResponseMedianMs, total.FirstResponseP90Ms));
        Assert.Equal((2L, 1L, 180_000L, 600_000L), (total.Resolved, total.ResolvedWithoutHuman, total.ResolutionMedianMs, total.ResolutionP90Ms));
        Assert.Equal((1L, 1L, 0.5, 1.0), (total.Handoffs, total.BotConversations, total.BotContainmentRate, total.HandoffRate));
        var mine = Assert.Single(daily.Items, r => r.MemberId == ws.OperatorId);
        Assert.Equal((2L, 2L, 2L, 1L, 600_000L), (mine.MessagesSent, mine.ConversationsHandled, mine.FirstResponses, mine.Resolved, mine.ResolutionMedianMs));

        // Closing the day again (admin rerun) stores exactly the same rows.
        var stored = await StoredRowsAsync(app, ws.Id, dayText);
        var rerun = await (await ws.Admin.PostAsync($"/api/v1/stats/daily/{dayText}/close", null)).ReadAsync<CloseDayResponse>();
        Assert.Equal(daily.Items, rerun.Items);
        Assert.Equal(stored, await StoredRowsAsync(app, ws.Id, dayText));

        // Today is live, and the CSV carries the same rows.
        var today = await ws.Operator.GetAsync<DailyStatsResponse>($"/api/v1/stats/daily?from={dayText}");
        var live = Assert.Single(today.Items, r => r.MemberId is null && r.Live);
        Assert.Equal(1, live.CustomerMessages);
        var csv = await ws.Operator.GetStringAsync($"/api/v1/stats/daily.csv?from={dayText}&to={dayText}&memberId={ws.OperatorId}");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(StatsCsv.Header, lines[0]);
        Assert.StartsWith($"{dayText},{ws.OperatorId},", Assert.Single(lines.Skip(1)), StringComparison.Ordinal);
        await (await ws.Operator.PostAsync($"/api/v1/stats/daily/{dayText}/close", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, BothDatabases]
    public async Task OnlyTodayIsLiveEvenWhenEarlierDaysAreNotClosedYet(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false });
        await (await ws.NewVisitorAsync()).WriteAsync("today");

        var week = await ws.Operator.GetAsync<DailyStatsResponse>("/api/v1/stats/daily");
        var days = week.Items.Where(r => r.MemberId is null).ToList();
        Assert.Equal(7, days.Count);
        Assert.Equal([week.To], days.Where(r => r.Live).Select(r => r.Day));
        Assert.Equal(1, days.Single(r => r.Live).CustomerMessages);
    }

    static Task<bool> IsClosedAsync(TestApp app, long workspaceId, string day) => app.Database.ReadAsync(async (c, tx) =>
        await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stats_days WHERE workspace_id = @workspaceId AND day = @day", new { workspaceId, day }, tx) == 1,
        CancellationToken.None);

    static async Task<string> StoredRowsAsync(TestApp app, long workspaceId, string day) =>
        string.Join("\n", (await app.Database.ReadAsync((c, tx) => c.QueryAsync(
            "SELECT * FROM stats_daily WHERE workspace_id = @workspaceId AND day = @day ORDER BY member_id", new { workspaceId, day }, tx), CancellationToken.None))
            .Select(r => string.Join(",", ((IDictionary<string, object?>)r).Select(kv => $"{kv.Key}={kv.Value}"))));
}
