using System.Data.Common;
using Dapper;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Inboxes;

/// <summary>The widget columns of <c>inboxes</c>: settings JSON and the identity-verification secret (ciphertext).</summary>
public static partial class InboxStore
{
    const string WidgetColumns = "id AS Id, workspace_id AS WorkspaceId, name AS Name, public_token AS PublicToken, widget_settings AS WidgetSettings";

    /// <summary>A widget inbox by its public token (null when none, or when the token is another channel's).</summary>
    public static Task<InboxWidgetRow?> FindWidgetByTokenAsync(DbConnection c, DbTransaction? tx, string token, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<InboxWidgetRow>(new CommandDefinition(
            $"SELECT {WidgetColumns} FROM inboxes WHERE public_token = @token AND channel = @channel",
            new { token, channel = InboxChannels.Widget }, tx, cancellationToken: cancellationToken));

    /// <summary>A widget inbox by id (null when none, or not a widget); <paramref name="workspaceId"/> scopes a team caller's lookup.</summary>
    public static Task<InboxWidgetRow?> FindWidgetAsync(DbConnection c, DbTransaction? tx, long? workspaceId, long inboxId, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<InboxWidgetRow>(new CommandDefinition(
            $"SELECT {WidgetColumns} FROM inboxes WHERE id = @inboxId AND channel = @channel AND (@workspaceId IS NULL OR workspace_id = @workspaceId)",
            new { inboxId, workspaceId, channel = InboxChannels.Widget }, tx, cancellationToken: cancellationToken));

    public static Task SaveWidgetSettingsAsync(WriteContext w, long inboxId, string json) =>
        w.ExecuteAsync("UPDATE inboxes SET widget_settings = @json WHERE id = @inboxId AND workspace_id = @WorkspaceId",
            new { json, inboxId, w.WorkspaceId }, w.CancellationToken);

    public static Task<string?> IdentitySecretAsync(DbConnection c, DbTransaction? tx, long inboxId, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT identity_secret FROM inboxes WHERE id = @inboxId", new { inboxId }, tx, cancellationToken: cancellationToken));

    public static Task SetIdentitySecretAsync(WriteContext w, long inboxId, string ciphertext) =>
        w.ExecuteAsync("UPDATE inboxes SET identity_secret = @ciphertext WHERE id = @inboxId AND workspace_id = @WorkspaceId",
            new { ciphertext, inboxId, w.WorkspaceId }, w.CancellationToken);
}
