using System.Collections.Concurrent;
using Dapper;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Auth;

/// <summary>Turns a presented token into a <see cref="Caller"/>, or null when it is unknown, revoked, expired or forged.</summary>
public sealed class CredentialStore(Database database, TimeProvider clock)
{
    // Workspace secrets never change, so verifying a visitor token costs one lookup per workspace per process.
    readonly ConcurrentDictionary<long, string> visitorSecrets = new();

    public async Task<Caller?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (token.StartsWith(TokenCodec.VisitorPrefix, StringComparison.Ordinal)) return await ResolveVisitorAsync(token, now, cancellationToken);
        if (token.StartsWith(TokenCodec.SessionPrefix, StringComparison.Ordinal))
        {
            var hash = TokenCodec.Hash(token);
            await using var connection = await database.OpenAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<PrincipalRow>(new CommandDefinition("""
                SELECT m.id AS Id, m.workspace_id AS WorkspaceId, m.role AS Role, m.name AS Name
                FROM member_sessions s JOIN members m ON m.id = s.member_id
                WHERE s.token_hash = @hash AND s.expires_at > @now AND m.active = @active
                """, new { hash, now, active = true }, cancellationToken: cancellationToken));
            if (row is null) return null;
            // An operator's teams scope what they see (issue 20); read on every request, so a change applies to the next one.
            var teams = row.Role == Roles.Admin ? null : (await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT team_id FROM team_members WHERE member_id = @Id ORDER BY team_id", new { row.Id }, cancellationToken: cancellationToken))).ToArray();
            return new Caller(CallerKind.Member, row.WorkspaceId, row.Role, row.Id, null, null, row.Name, hash) { TeamIds = teams };
        }
        if (token.StartsWith(TokenCodec.ApiKeyPrefix, StringComparison.Ordinal))
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<PrincipalRow>(new CommandDefinition("""
                SELECT id AS Id, workspace_id AS WorkspaceId, role AS Role, name AS Name
                FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL
                """, new { hash = TokenCodec.Hash(token) }, cancellationToken: cancellationToken));
            return row is null ? null : new Caller(CallerKind.ApiKey, row.WorkspaceId, row.Role, null, null, row.Id, row.Name);
        }
        return null;
    }

    async Task<Caller?> ResolveVisitorAsync(string token, long now, CancellationToken cancellationToken)
    {
        if (VisitorTokens.Parse(token) is not var (claims, payload, signature)) return null;
        if (claims.E <= now) return null;
        var secret = await VisitorSecretAsync(claims.W, cancellationToken);
        if (secret is null || !VisitorTokens.Verify(payload, signature, secret)) return null;
        return new Caller(CallerKind.Visitor, claims.W, null, null, claims.C, null, null) { InboxId = claims.I };
    }

    public async Task<string?> VisitorSecretAsync(long workspaceId, CancellationToken cancellationToken)
    {
        if (visitorSecrets.TryGetValue(workspaceId, out var cached)) return cached;
        await using var connection = await database.OpenAsync(cancellationToken);
        var secret = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT visitor_secret FROM workspaces WHERE id = @workspaceId", new { workspaceId }, cancellationToken: cancellationToken));
        if (secret is not null) visitorSecrets[workspaceId] = secret;
        return secret;
    }

    sealed record PrincipalRow(long Id, long WorkspaceId, string Role, string Name);
}
