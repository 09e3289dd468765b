using System.Data.Common;
using Microsoft.Extensions.Options;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Bots;
using Switchboard.Server.EventLog;
using Switchboard.Server.Members;
using Switchboard.Server.Storage;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Widget.Availability;

/// <summary>An inbox's honest availability: business hours in its (or the workspace's) time zone, and whether anyone is online.</summary>
public sealed class WidgetAvailability(Database database, WidgetInboxCache inboxes, IOptions<BotsOptions> bots, TimeProvider clock) : IBotHours
{
    public Task<AvailabilityResponse> ForAsync(WidgetInbox inbox, CancellationToken cancellationToken) =>
        database.ReadAsync((c, tx) => ForAsync(c, tx, inbox, cancellationToken), cancellationToken);

    public async Task<AvailabilityResponse> ForAsync(DbConnection c, DbTransaction? tx, WidgetInbox inbox, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceStore.GetSettingsAsync(c, tx, inbox.WorkspaceId);
        var (open, next, zone) = Hours(inbox, workspace);
        var online = open && await MemberStore.CountOnlineAsync(c, tx, inbox.WorkspaceId, cancellationToken) > 0;
        return new AvailabilityResponse(!open ? "closed" : online ? "online" : "away", next, zone.Id, BotAnswers(inbox, workspace, open));
    }

    /// <summary>Whether a widget inbox is within its hours now (a conversation of another channel always is), read inside a write.</summary>
    public async Task<(bool Open, DateTimeOffset? NextOpenAt, string TimeZone, bool BotAnswers)?> NowAsync(WriteContext w, long inboxId)
    {
        if (await inboxes.ByIdAsync(inboxId, w.CancellationToken) is not { } inbox || inbox.WorkspaceId != w.WorkspaceId) return null;
        var workspace = await WorkspaceStore.GetSettingsAsync(w);
        var (open, next, zone) = Hours(inbox, workspace);
        return (open, next, zone.Id, BotAnswers(inbox, workspace, open));
    }

    public async ValueTask<bool> BotAnswersNowAsync(WriteContext w, long inboxId) =>
        await NowAsync(w, inboxId) is not { } now || now.BotAnswers;

    (bool Open, DateTimeOffset? Next, TimeZoneInfo Zone) Hours(WidgetInbox inbox, WorkspaceSettings workspace)
    {
        var hours = inbox.Settings.BusinessHours!;
        // Validated on save; a zone this machine no longer knows falls back to UTC rather than failing the widget.
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(hours.TimeZone ?? workspace.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var (open, next) = BusinessHoursCalendar.Evaluate(hours, zone, clock.GetUtcNow());
        return (open, next, zone);
    }

    bool BotAnswers(WidgetInbox inbox, WorkspaceSettings workspace, bool open) =>
        bots.Value.Enabled && workspace.BotEnabled && (open || inbox.Settings.BotOutsideHours == true);
}
