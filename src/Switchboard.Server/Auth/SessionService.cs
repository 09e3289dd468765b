using Dapper;
using Switchboard.Core;
using Switchboard.Server.Errors;
using Switchboard.Server.Members;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Auth;

/// <summary>Operator sign-in: checks the password and issues a session token (stored hashed).</summary>
public sealed class SessionService(Database database, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public async Task<(string Token, MemberRow Member, DateTimeOffset ExpiresAt)> LoginAsync(string email, string password, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var member = await MemberStore.FindByEmailAsync(connection, null, email.Trim().ToLowerInvariant(), cancellationToken);
        var passwordOk = Passwords.Verify(member?.PasswordHash, password);
        if (member is null || !passwordOk || !member.Active)
            throw new DomainException(ErrorCodes.InvalidCredentials, "Email or password is wrong, or the account is deactivated.", DomainErrorKind.Unauthorized);

        var token = TokenCodec.NewToken(TokenCodec.SessionPrefix);
        var now = clock.GetUtcNow();
        var expiresAt = now + Lifetime;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO member_sessions (token_hash, member_id, workspace_id, created_at, expires_at)
            VALUES (@hash, @memberId, @workspaceId, @now, @expires)
            """, new
        {
            hash = TokenCodec.Hash(token),
            memberId = member.Id,
            workspaceId = member.WorkspaceId,
            now = now.ToUnixTimeMilliseconds(),
            expires = expiresAt.ToUnixTimeMilliseconds(),
        }, cancellationToken: cancellationToken));
        return (token, member, expiresAt);
    }

    public async Task LogoutAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM member_sessions WHERE token_hash = @tokenHash", new { tokenHash }, cancellationToken: cancellationToken));
    }
}
