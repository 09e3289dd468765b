using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Widget;
using Switchboard.Server.Widget.Availability;
using Switchboard.Server.Widget.Settings;
using static Switchboard.Server.Tests.Widget.WidgetKit;

namespace Switchboard.Server.Tests.Widget;

public sealed class BusinessHoursTests
{
    static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Monday to Friday, 09:00 to 17:00.</summary>
    static BusinessHoursSettings Weekdays(params string[] holidays) =>
        new(true, "Europe/Berlin", Enumerable.Range(1, 5).Select(d => new WeeklyWindow(d, "09:00", "17:00")).ToList(), holidays);

    static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void OpeningHoursFollowTheLocalClockAcrossTheSpringDaylightSavingChange()
    {
        // Friday 27 March 2026, 18:00 in Berlin (UTC+1): closed; the clocks go forward on Sunday 29 March, so Monday
        // 09:00 is 07:00 UTC, not 08:00.
        var (open, next) = BusinessHoursCalendar.Evaluate(Weekdays(), Berlin, Utc("2026-03-27T17:00:00Z"));
        Assert.False(open);
        Assert.Equal(Utc("2026-03-30T07:00:00Z"), next);
        Assert.True(BusinessHoursCalendar.Evaluate(Weekdays(), Berlin, Utc("2026-03-30T07:00:00Z")).Open);
        Assert.False(BusinessHoursCalendar.Evaluate(Weekdays(), Berlin, Utc("2026-03-30T06:59:00Z")).Open);
        // Autumn: back to UTC+1 on Sunday 25 October; Monday 09:00 is 08:00 UTC again.
        Assert.Equal(Utc("2026-10-26T08:00:00Z"), BusinessHoursCalendar.Evaluate(Weekdays(), Berlin, Utc("2026-10-23T16:00:00Z")).NextOpenAt);
    }

    [Fact]
    public void AHolidayIsClosedAllDayAndTheNextOpeningSkipsIt()
    {
        // Friday 25 December 2026 is a holiday: closed at noon, next opening Monday 28 December 09:00 (08:00 UTC).
        var (open, next) = BusinessHoursCalendar.Evaluate(Weekdays("2026-12-25"), Berlin, Utc("2026-12-25T11:00:00Z"));
        Assert.False(open);
        Assert.Equal(Utc("2026-12-28T08:00:00Z"), next);
        // Before opening on a working day, the opening is the same day.
        Assert.Equal(Utc("2026-12-24T08:00:00Z"), BusinessHoursCalendar.Evaluate(Weekdays("2026-12-25"), Berlin, Utc("2026-12-24T05:00:00Z")).NextOpenAt);
        Assert.Equal((true, (DateTimeOffset?)null), BusinessHoursCalendar.Evaluate(Weekdays() with { Enabled = false }, Berlin, Utc("2026-12-25T23:00:00Z")));
    }

    [Theory, BothDatabases]
    public async Task TheConfigSaysClosedAndWhenTheTeamIsBackByTheInjectedClock(DatabaseKind db)
    {
        var clock = new ManualClock(Utc("2026-03-27T17:00:00Z"));
        await using var app = await TestApp.StartAsync(db, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var ws = await TestWorkspace.CreateAsync(app);
        await PutSettingsAsync(ws, businessHours: Weekdays(), botOutsideHours: false);
        var url = $"/api/v1/widget/config?inboxToken={ws.Inbox.PublicToken}";

        var closed = (await app.CreateClient().GetAsync<WidgetConfigResponse>(url)).Availability;
        Assert.Equal(("closed", Utc("2026-03-30T07:00:00Z"), "Europe/Berlin", false), (closed.State, closed.NextOpenAt, closed.TimeZone, closed.BotAnswers));

        clock.Advance(Utc("2026-03-30T08:00:00Z") - clock.GetUtcNow());
        var open = (await app.CreateClient().GetAsync<WidgetConfigResponse>(url)).Availability;
        Assert.Null(open.NextOpenAt);
        Assert.NotEqual("closed", open.State);
    }

    [Theory, BothDatabases]
    public async Task OutsideHoursACustomerMessageGetsAReplySayingWhenTheTeamIsBack(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, bots: true);
        var ws = await TestWorkspace.CreateAsync(app);
        // Open one minute a week, on a day that is not today: closed now, whatever the real clock says.
        var day = ((int)DateTimeOffset.UtcNow.DayOfWeek + 3) % 7;
        await PutSettingsAsync(ws, businessHours: new BusinessHoursSettings(true, "UTC", [new WeeklyWindow(day, "10:00", "10:01")], []), botOutsideHours: false);
        var visitor = await ws.NewVisitorAsync();
        await (await visitor.SayAsync("Anyone there?")).ReadAsync<JsonElement>();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement[] items;
        do
        {
            items = (await visitor.Client.GetAsync<JsonElement>($"/api/v1/conversations/{visitor.ConversationId}/messages")).GetProperty("items").EnumerateArray().ToArray();
            if (items.Any(m => m.GetProperty("senderRole").GetString() == "system")) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        var reply = Assert.Single(items, m => m.GetProperty("senderRole").GetString() == "system");
        Assert.Contains("We're back", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(items, m => m.GetProperty("senderRole").GetString() == "bot");
        // The bot did not answer, so the conversation waits for the team in the queue.
        var conversation = await ws.Operator.GetAsync<JsonElement>($"/api/v1/conversations/{visitor.ConversationId}");
        Assert.Equal("queued", conversation.GetProperty("state").GetString());
    }
}
