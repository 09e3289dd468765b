using System.Data.Common;
using Dapper;
using Switchboard.Server.Auth;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Members;

/// <summary>The <c>members</c> table: the team's accounts, their presence, load bookkeeping and message counter.</summary>
public static class MemberStore
{
    public static async Task<IReadOnlyList<MemberRow>> ListAsync(DbConnection c, DbTransaction? tx, long workspaceId, CancellationToken cancellationToken) =>
        (await c.QueryAsync<MemberRow>(new CommandDefinition(
            $"SELECT {MemberRow.Columns} FROM members WHERE workspace_id = @workspaceId ORDER BY id", new { workspaceId }, tx, cancellationToken: cancellationToken))).ToList();

    public static Task<MemberRow?> FindAsync(DbConnection c, DbTransaction? tx, long workspaceId, long id, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition(
            $"SELECT {MemberRow.Columns} FROM members WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, tx, cancellationToken: cancellationToken));

    public static Task<MemberRow?> FindAsync(WriteContext w, long id) => FindAsync(w.Connection, w.Transaction, w.WorkspaceId, id, w.CancellationToken);

    /// <summary>Emails are unique across workspaces: they are the login.</summary>
    public static Task<MemberRow?> FindByEmailAsync(DbConnection c, DbTransaction? tx, string email, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition(
            $"SELECT {MemberRow.Columns} FROM members WHERE email = @email", new { email }, tx, cancellationToken: cancellationToken));

    /// <summary>
    /// Inserts an active member; <paramref name="email"/> must already be lower-case. Takes the password's hash
    /// (<see cref="Passwords.Hash"/>), computed before the transaction: hashing takes tens of milliseconds on purpose,
    /// which a write would hold its workspace's (on SQLite the database's) writer for.
    /// </summary>
    public static Task<MemberRow> InsertAsync(DbConnection c, DbTransaction tx, long workspaceId, string email, string name, string role, string passwordHash,
        int capacity, long nowMs, CancellationToken cancellationToken) =>
        c.QuerySingleAsync<MemberRow>(new CommandDefinition($"""
            INSERT INTO members (workspace_id, email, name, role, password_hash, active, capacity, created_at)
            VALUES (@workspaceId, @email, @name, @role, @hash, @active, @capacity, @nowMs)
            RETURNING {MemberRow.Columns}
            """, new { workspaceId, email, name, role, hash = passwordHash, active = true, capacity, nowMs }, tx, cancellationToken: cancellationToken));

    public static Task UpdateProfileAsync(WriteContext w, MemberRow member) => w.ExecuteAsync(
        "UPDATE members SET name = @Name, role = @Role, active = @Active, capacity = @Capacity, version = @Version WHERE id = @Id", member, w.CancellationToken);

    /// <summary>Stores a password's hash, computed before the write like <see cref="InsertAsync"/>'s.</summary>
    public static Task SetPasswordHashAsync(WriteContext w, long id, string passwordHash) =>
        w.ExecuteAsync("UPDATE members SET password_hash = @passwordHash WHERE id = @id", new { passwordHash, id }, w.CancellationToken);

    public static Task SavePresenceAsync(WriteContext w, MemberRow member) => w.ExecuteAsync(
        "UPDATE members SET presence = @Presence, last_activity_at = @LastActivityAt, version = @Version WHERE id = @Id", member, w.CancellationToken);

    /// <summary>Whether <paramref name="id"/> is an active member of the write's workspace (one an assignment may name).</summary>
    public static async Task<bool> IsActiveAsync(WriteContext w, long id) =>
        await w.QuerySingleAsync<long>("SELECT COUNT(*) FROM members WHERE workspace_id = @WorkspaceId AND id = @id AND active = @active",
            new { w.WorkspaceId, id, active = true }, w.CancellationToken) == 1;

    /// <summary>Counts one more message sent by the member (statistics read it with the message in the same transaction).</summary>
    public static Task CountMessageAsync(WriteContext w, long id) =>
        w.ExecuteAsync("UPDATE members SET total_messages = total_messages + 1 WHERE id = @id", new { id }, w.CancellationToken);

    /// <summary>Remembers the seq of the member's latest automatic assignment: round-robin starts after it.</summary>
    public static Task MarkAssignedAsync(WriteContext w, long id, long seq) =>
        w.ExecuteAsync("UPDATE members SET last_assigned_seq = @seq WHERE id = @id", new { seq, id }, w.CancellationToken);

    /// <summary>How many active members of a workspace are online now (the widget's "away" when none).</summary>
    public static Task<long> CountOnlineAsync(DbConnection c, DbTransaction? tx, long workspaceId, CancellationToken cancellationToken) =>
        c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM members WHERE workspace_id = @workspaceId AND active = @active AND presence = 'online'",
            new { workspaceId, active = true }, tx, cancellationToken: cancellationToken));
}
