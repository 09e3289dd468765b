using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Realtime;
using Switchboard.Server.Widget;
using Switchboard.Server.Widget.Settings;
using static Switchboard.Server.Tests.Widget.WidgetKit;

namespace Switchboard.Server.Tests.Widget;

public sealed class WidgetSettingsTests
{
    [Theory, BothDatabases]
    public async Task SettingsRoundTripNormalizedAndTheConfigShowsThePublicPart(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var defaults = await ws.Admin.GetAsync<WidgetSettings>($"/api/v1/inboxes/{ws.Inbox.Id}/widget");
        Assert.Empty(defaults.AllowedOrigins!);
        Assert.Equal("off", defaults.IdentityVerification);

        await PutSettingsAsync(ws, allowedOrigins: new[] { "HTTPS://Shop.Example.com/", "http://127.0.0.1:5173" });
        var stored = await ws.Admin.GetAsync<WidgetSettings>($"/api/v1/inboxes/{ws.Inbox.Id}/widget");
        Assert.Equal(["https://shop.example.com", "http://127.0.0.1:5173"], stored.AllowedOrigins);
        Assert.Equal("#112233", stored.Color);

        var config = await app.CreateClient().GetAsync<WidgetConfigResponse>($"/api/v1/widget/config?inboxToken={ws.Inbox.PublicToken}");
        Assert.Equal(("Acme support", "#112233", "left", ws.Inbox.Id), (config.TeamName, config.Color, config.Position, config.InboxId));
        // No business hours: open; the signed-in team makes it online, and away once everyone set themselves away.
        Assert.Equal(("online", null), (config.Availability.State, config.Availability.NextOpenAt));
        foreach (var member in new[] { ws.Admin, ws.Operator })
            await (await member.PutAsync("/api/v1/presence", JsonContent.Create(new { status = "away" }))).ReadAsync<JsonElement>();
        var away = await app.CreateClient().GetAsync<WidgetConfigResponse>($"/api/v1/widget/config?inboxToken={ws.Inbox.PublicToken}");
        Assert.Equal("away", away.Availability.State);
        using var unknown = await app.CreateClient().GetAsync("/api/v1/widget/config?inboxToken=pk_nope");
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "inbox_not_found");
    }

    [Theory, BothDatabases]
    public async Task InvalidSettingsAreRefusedAndChangeNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        await PutSettingsAsync(ws);
        var before = await (await ws.Admin.GetAsync($"/api/v1/inboxes/{ws.Inbox.Id}/widget")).Content.ReadAsStringAsync();
        object[] bad =
        [
            new { color = "blue" },
            new { color = "#12345g" },
            new { allowedOrigins = new[] { "shop.example.com" } },
            new { allowedOrigins = new[] { "https://shop.example.com/path" } },
            new { allowedOrigins = new[] { "https://*.com" } },
            new { position = "top" },
            new { language = "xx" },
            new { preChat = new { name = "sometimes", email = "off" } },
            new { businessHours = new { enabled = true, timeZone = "Mars/Olympus", weekly = Array.Empty<object>(), holidays = Array.Empty<string>() } },
            new { businessHours = new { enabled = true, weekly = new[] { new { day = 1, open = "17:00", close = "09:00" } } } },
            new { businessHours = new { enabled = true, weekly = new[] { new { day = 7, open = "09:00", close = "17:00" } } } },
            new { businessHours = new { enabled = true, holidays = new[] { "25.12.2026" } } },
        ];
        foreach (var body in bad)
        {
            using var response = await ws.Admin.PutAsync($"/api/v1/inboxes/{ws.Inbox.Id}/widget", JsonContent.Create(body, options: Http.Json));
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        }
        Assert.Equal(before, await (await ws.Admin.GetAsync($"/api/v1/inboxes/{ws.Inbox.Id}/widget")).Content.ReadAsStringAsync());
        using var other = await ws.Admin.PutAsync("/api/v1/inboxes/999999/widget", JsonContent.Create(new { }, options: Http.Json));
        await other.AssertProblemAsync(HttpStatusCode.NotFound, "inbox_not_found");
    }

    [Theory, BothDatabases]
    public async Task AChangeReachesTheTeamAndTheInboxsVisitorsAsInboxUpdated(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, extra: new() { ["Realtime:PollTimeout"] = "00:00:00.200" });
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var other = await TestWorkspace.CreateAsync(app);
        var stranger = await other.NewVisitorAsync();
        var cursor = (await PollClient.PollAsync(visitor.Client, 0)).Cursor;
        var teamCursor = (await PollClient.PollAsync(ws.Operator, 0)).Cursor;

        await PutSettingsAsync(ws);

        var seen = await PollClient.PollAsync(visitor.Client, cursor);
        var e = Assert.Single(seen.Events, f => f.Type == "inbox.updated");
        var data = e.Root.GetProperty("data");
        Assert.Equal("Acme support", data.GetProperty("teamName").GetString());
        Assert.False(data.TryGetProperty("allowedOrigins", out _));
        var team = await PollClient.PollAsync(ws.Operator, teamCursor);
        var teamData = Assert.Single(team.Events, f => f.Type == "inbox.updated").Root.GetProperty("data");
        Assert.Equal(WidgetKit.Shop, teamData.GetProperty("settings").GetProperty("allowedOrigins")[0].GetString());
        // Another workspace's visitor hears nothing of it.
        Assert.DoesNotContain((await PollClient.PollAsync(stranger.Client, 0)).Events, f => f.Type == "inbox.updated");
    }
}
