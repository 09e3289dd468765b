using System.Text.Json;
using Switchboard.Core;
using Switchboard.Core.Events;
using Switchboard.Server.Auth;
using Switchboard.Server.EventLog;
using Switchboard.Server.Hosting;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Storage;
using Switchboard.Server.Widget.Availability;
using Switchboard.Server.Widget.Identity;

namespace Switchboard.Server.Widget.Settings;

/// <summary>
/// Reads and replaces a widget inbox's settings. A change appends <c>inbox.updated</c> (the settings for the team, the
/// public configuration for the inbox's visitors) and drops the cached copy once committed.
/// </summary>
public sealed class WidgetSettingsService(Database database, EventLogWriter eventLog, WidgetInboxCache cache, WidgetAvailability availability,
    WidgetSecrets secrets, ILogger<WidgetSettingsService> logger)
{
    public async Task<WidgetSettings> GetAsync(Caller admin, long inboxId, CancellationToken cancellationToken)
    {
        var row = await database.ReadAsync((c, tx) => InboxStore.FindWidgetAsync(c, tx, admin.WorkspaceId, inboxId, cancellationToken), cancellationToken);
        return WidgetInboxCache.Parse((row ?? throw NotFound()).WidgetSettings);
    }

    public Task<WidgetSettings> PutAsync(Caller admin, long inboxId, WidgetSettings request, CancellationToken cancellationToken)
    {
        // Validated before the write: a refused change writes nothing.
        var settings = WidgetSettingsValidator.Validate(request);
        var json = JsonSerializer.Serialize(settings, JsonDefaults.Options);
        return eventLog.WriteAsync(admin.WorkspaceId, async w =>
        {
            var row = await InboxStore.FindWidgetAsync(w.Connection, w.Transaction, w.WorkspaceId, inboxId, w.CancellationToken) ?? throw NotFound();
            await InboxStore.SaveWidgetSettingsAsync(w, inboxId, json);
            var inbox = WidgetInboxCache.ToInbox(row with { WidgetSettings = json });
            var config = WidgetConfigResponse.From(inbox, await availability.ForAsync(w.Connection, w.Transaction, inbox, w.CancellationToken),
                (await Workspaces.WorkspaceStore.GetSettingsAsync(w)).AttachmentMaxBytes);
            await w.AppendAsync(new EventDraft(EventTypes.InboxUpdated, null, null, new InboxUpdatedData(inboxId, settings, config), config,
                0, admin.Actor) { InboxId = inboxId });
            w.AfterCommit(() => cache.Invalidate(inboxId));
            WidgetLog.SettingsChanged(logger, w.WorkspaceId, inboxId);
            return settings;
        }, cancellationToken);
    }

    public Task<IdentitySecretResponse> RotateSecretAsync(Caller admin, long inboxId, CancellationToken cancellationToken)
    {
        var secret = WidgetSecrets.NewSecret();
        // Encrypted before the write: Data Protection may have to store a new key, which is a write of its own.
        var stored = secrets.Protect(inboxId, secret);
        return eventLog.WriteAsync(admin.WorkspaceId, async w =>
        {
            _ = await InboxStore.FindWidgetAsync(w.Connection, w.Transaction, w.WorkspaceId, inboxId, w.CancellationToken) ?? throw NotFound();
            await InboxStore.SetIdentitySecretAsync(w, inboxId, stored);
            WidgetLog.SecretRotated(logger, w.WorkspaceId, inboxId);
            return new IdentitySecretResponse(secret);
        }, cancellationToken);
    }

    static DomainException NotFound() => new("inbox_not_found", "No widget inbox with this id.", DomainErrorKind.NotFound);
}

/// <summary>The team's data of <c>inbox.updated</c>; the visitors' copy is the public configuration alone.</summary>
public sealed record InboxUpdatedData(long InboxId, WidgetSettings Settings, WidgetConfigResponse Config);
