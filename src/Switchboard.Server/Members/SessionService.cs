using System.Data.Common;
using Dapper;
using Switchboard.Core;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;
using Switchboard.Server.Auth;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Members;

/// <summary>Operator sign-in: checks the password and issues a session token (stored hashed).</summary>
public sealed class SessionService(Database database, EventLogWriter eventLog, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public async Task<(string Token, MemberRow Member, DateTimeOffset ExpiresAt)> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        var member = await database.ReadAsync((c, tx) => MemberStore.FindByEmailAsync(c, tx, email.Trim().ToLowerInvariant(), cancellationToken), cancellationToken);
        var passwordOk = Passwords.Verify(member?.PasswordHash, password);
        if (member is null || !passwordOk || !member.Active)
            throw InvalidCredentials();

        var token = TokenCodec.NewToken(TokenCodec.SessionPrefix);
        var now = clock.GetUtcNow();
        var expiresAt = now + Lifetime;
        var stored = await eventLog.WriteAsync(member.WorkspaceId, w => StoreIfStillValidAsync(w, member, new
        {
            hash = TokenCodec.Hash(token),
            memberId = member.Id,
            workspaceId = member.WorkspaceId,
            now = now.ToUnixTimeMilliseconds(),
            expires = expiresAt.ToUnixTimeMilliseconds(),
        }), cancellationToken);
        if (!stored) throw InvalidCredentials();
        return (token, member, expiresAt);
    }

    /// <summary>
    /// Stores the session only if the password that was checked is still the member's and the member still active.
    /// The check took tens of milliseconds; a password change or deactivation that committed meanwhile deleted the
    /// sessions it saw, and one stored after it would outlive it for 30 days. This runs as a write of the member's
    /// workspace (it appends no event): like every change of a member it first takes the workspace's row lock, so
    /// across nodes too it comes wholly before a change (which then deletes this session) or after it (and reads the
    /// new password). Locking the member's row instead would take the two rows in the opposite order to every other
    /// write, and two nodes could deadlock.
    /// </summary>
    static async Task<bool> StoreIfStillValidAsync(WriteContext w, MemberRow member, object session)
    {
        var current = await w.QuerySingleOrDefaultAsync<(string? Hash, bool Active)>(
            "SELECT password_hash, active FROM members WHERE id = @Id", new { member.Id }, w.CancellationToken);
        if (current.Hash != member.PasswordHash || !current.Active) return false;
        await w.ExecuteAsync("""
            INSERT INTO member_sessions (token_hash, member_id, workspace_id, created_at, expires_at)
            VALUES (@hash, @memberId, @workspaceId, @now, @expires)
            """, session, w.CancellationToken);
        return true;
    }

    static DomainException InvalidCredentials() =>
        new(ErrorCodes.InvalidCredentials, "Email or password is wrong, or the account is deactivated.", DomainErrorKind.Unauthorized);

    public async Task LogoutAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM member_sessions WHERE token_hash = @tokenHash", new { tokenHash }, cancellationToken: cancellationToken));
    }
}
