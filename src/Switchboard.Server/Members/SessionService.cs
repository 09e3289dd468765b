using System.Data.Common;
using Dapper;
using Switchboard.Core;
using Switchboard.Server.Errors;
using Switchboard.Server.Auth;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Members;

/// <summary>Operator sign-in: checks the password and issues a session token (stored hashed).</summary>
public sealed class SessionService(Database database, TimeProvider clock)
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
        var stored = await database.WriteTransactionAsync(member.WorkspaceId, (c, tx) => StoreIfStillValidAsync(c, tx, member, new
        {
            hash = TokenCodec.Hash(token),
            memberId = member.Id,
            workspaceId = member.WorkspaceId,
            now = now.ToUnixTimeMilliseconds(),
            expires = expiresAt.ToUnixTimeMilliseconds(),
        }, cancellationToken), cancellationToken);
        if (!stored) throw InvalidCredentials();
        return (token, member, expiresAt);
    }

    /// <summary>
    /// Stores the session only if the password that was checked is still the member's and the member still active.
    /// The check took tens of milliseconds; a password change or deactivation that committed meanwhile deleted the
    /// sessions it saw, and one stored after it would outlive it for 30 days. In the member's workspace lane (SQLite's
    /// one writer, one node's PostgreSQL lane) the two cannot interleave; across nodes, FOR SHARE makes this read wait
    /// for a change of the member in flight (and then see it), or the change wait for this commit (and then delete
    /// this session too).
    /// </summary>
    async Task<bool> StoreIfStillValidAsync(DbConnection c, DbTransaction tx, MemberRow member, object session, CancellationToken cancellationToken)
    {
        var lockRow = database.Provider == DatabaseProvider.Postgres ? " FOR SHARE" : "";
        var current = await c.QuerySingleOrDefaultAsync<(string? Hash, bool Active)>(new CommandDefinition(
            $"SELECT password_hash, active FROM members WHERE id = @Id{lockRow}", new { member.Id }, tx, cancellationToken: cancellationToken));
        if (current.Hash != member.PasswordHash || !current.Active) return false;
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO member_sessions (token_hash, member_id, workspace_id, created_at, expires_at)
            VALUES (@hash, @memberId, @workspaceId, @now, @expires)
            """, session, tx, cancellationToken: cancellationToken));
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
