using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Auth;

/// <summary>API keys for integrations (admin only). The key is shown once; only its SHA-256 is stored.</summary>
public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/api-keys").WithTags("Auth").ProducesProblems().RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapDelete("/{id:long}", RevokeAsync);
        return group;
    }

    const string Columns = "id AS Id, name AS Name, prefix AS Prefix, role AS Role, created_at AS CreatedAt, last_used_at AS LastUsedAt, revoked_at AS RevokedAt";

    public static async Task<Ok<ItemsResponse<ApiKeyResponse>>> ListAsync(HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var rows = await database.ReadAsync((c, tx) => c.QueryAsync<ApiKeyRow>(
            $"SELECT {Columns} FROM api_keys WHERE workspace_id = @WorkspaceId ORDER BY id", new { caller.WorkspaceId }, tx), cancellationToken);
        return TypedResults.Ok(new ItemsResponse<ApiKeyResponse>(rows.Select(r => r.ToResponse()).ToList(), null));
    }

    public static async Task<Created<CreatedApiKeyResponse>> CreateAsync(CreateApiKeyRequest request, HttpContext http, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) throw new DomainException("name_invalid", "Name must be 1 to 100 characters.", DomainErrorKind.Invalid);
        var role = request.Role ?? Roles.Operator;
        if (!Roles.IsValidForApiKey(role)) throw new DomainException("role_invalid", "Role must be admin, operator or bot.", DomainErrorKind.Invalid);
        var key = TokenCodec.NewToken(TokenCodec.ApiKeyPrefix);
        var row = await database.WriteGlobalAsync((c, tx) => c.QuerySingleAsync<ApiKeyRow>($"""
            INSERT INTO api_keys (workspace_id, name, prefix, key_hash, role, created_by, created_at)
            VALUES (@WorkspaceId, @name, @prefix, @hash, @role, @MemberId, @now)
            RETURNING {Columns}
            """, new { caller.WorkspaceId, name, prefix = key[..10], hash = TokenCodec.Hash(key), role, caller.MemberId, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx),
            cancellationToken);
        return TypedResults.Created($"/api/v1/api-keys/{row.Id}", new CreatedApiKeyResponse(row.ToResponse(), key));
    }

    public static async Task<NoContent> RevokeAsync(long id, HttpContext http, Database database, CredentialWatch streams, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var changed = await database.WriteGlobalAsync((c, tx) => c.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = @now WHERE id = @id AND workspace_id = @WorkspaceId AND revoked_at IS NULL",
            new { id, caller.WorkspaceId, now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx), cancellationToken);
        if (changed != 1) throw new DomainException("api_key_not_found", "No such active API key.", DomainErrorKind.NotFound);
        streams.RevokeApiKey(id);
        return TypedResults.NoContent();
    }

    sealed class ApiKeyRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string Prefix { get; set; } = "";
        public string Role { get; set; } = "";
        public long CreatedAt { get; set; }
        public long? LastUsedAt { get; set; }
        public long? RevokedAt { get; set; }

        public ApiKeyResponse ToResponse() => new(Id, Name, Prefix, Role, Time.FromMs(CreatedAt), Time.FromMs(LastUsedAt), Time.FromMs(RevokedAt));
    }
}
