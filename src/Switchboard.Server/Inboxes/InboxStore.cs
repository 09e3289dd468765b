using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Inboxes;

/// <summary>The <c>inboxes</c> table: every feature that reads or writes an inbox row comes through here.</summary>
public static partial class InboxStore
{
    const string Columns = "id AS Id, workspace_id AS WorkspaceId, name AS Name, channel AS Channel, public_token AS PublicToken, created_at AS CreatedAt, team_id AS TeamId";

    public static async Task<IReadOnlyList<InboxResponse>> ListAsync(DbConnection c, DbTransaction? tx, long workspaceId, CancellationToken cancellationToken) =>
        (await c.QueryAsync<InboxRow>(new CommandDefinition(
            $"SELECT {Columns} FROM inboxes WHERE workspace_id = @workspaceId ORDER BY id", new { workspaceId }, tx, cancellationToken: cancellationToken)))
            .Select(r => r.ToResponse()).ToList();

    /// <summary>
    /// Inserts an inbox with a fresh public token (<c>pk_</c> for a widget, which embeds it; <c>wa_</c> for WhatsApp,
    /// which never uses it but needs one like every inbox).
    /// </summary>
    public static async Task<InboxResponse> InsertAsync(DbConnection c, DbTransaction tx, long workspaceId, string name, string channel, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var token = (channel == InboxChannels.WhatsApp ? "wa_" : "pk_") + TokenCodec.Base64Url(RandomNumberGenerator.GetBytes(18));
        var row = await c.QuerySingleAsync<InboxRow>(new CommandDefinition($"""
            INSERT INTO inboxes (workspace_id, name, channel, public_token, created_at) VALUES (@workspaceId, @name, @channel, @token, @now)
            RETURNING {Columns}
            """, new { workspaceId, name, channel, token, now = now.ToUnixTimeMilliseconds() }, tx, cancellationToken: cancellationToken));
        return row.ToResponse();
    }

    public static Task RenameAsync(DbConnection c, DbTransaction tx, long id, string name, CancellationToken cancellationToken) =>
        c.ExecuteAsync(new CommandDefinition("UPDATE inboxes SET name = @name WHERE id = @id", new { name, id }, tx, cancellationToken: cancellationToken));

    public static async Task<bool> ExistsAsync(DbConnection c, DbTransaction? tx, long workspaceId, long inboxId, CancellationToken cancellationToken) =>
        await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM inboxes WHERE id = @inboxId AND workspace_id = @workspaceId", new { inboxId, workspaceId }, tx, cancellationToken: cancellationToken)) > 0;

    /// <summary>The inbox of a public token, only if it is of <paramref name="channel"/>.</summary>
    public static Task<InboxKey?> FindByTokenAsync(DbConnection c, DbTransaction? tx, string token, string channel, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<InboxKey>(new CommandDefinition(
            "SELECT id AS Id, workspace_id AS WorkspaceId FROM inboxes WHERE public_token = @token AND channel = @channel",
            new { token, channel }, tx, cancellationToken: cancellationToken));

    /// <summary>The public token of the oldest inbox of <paramref name="channel"/> in any workspace (the demo page embeds it).</summary>
    public static Task<string?> FirstTokenAsync(DbConnection c, DbTransaction? tx, string channel, CancellationToken cancellationToken) =>
        c.QueryFirstOrDefaultAsync<string>(new CommandDefinition(
            "SELECT public_token FROM inboxes WHERE channel = @channel ORDER BY id LIMIT 1", new { channel }, tx, cancellationToken: cancellationToken));

    public static Task<string?> ChannelAsync(DbConnection c, DbTransaction? tx, long workspaceId, long inboxId, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT channel FROM inboxes WHERE id = @inboxId AND workspace_id = @workspaceId", new { inboxId, workspaceId }, tx, cancellationToken: cancellationToken));

    sealed class InboxRow
    {
        public long Id { get; set; }
        public long WorkspaceId { get; set; }
        public string Name { get; set; } = "";
        public string Channel { get; set; } = "";
        public string PublicToken { get; set; } = "";
        public long CreatedAt { get; set; }
        public long? TeamId { get; set; }

        public InboxResponse ToResponse() => new(Id, Name, Channel, PublicToken, Time.FromMs(CreatedAt), TeamId);
    }
}
