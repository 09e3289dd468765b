namespace Switchboard.Server.Auth;

public sealed record CreateApiKeyRequest(string? Name, string? Role);

public sealed record ApiKeyResponse(long Id, string Name, string Prefix, string Role, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>Returned once, at creation: the only time the key itself is shown.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse ApiKey, string Key);
