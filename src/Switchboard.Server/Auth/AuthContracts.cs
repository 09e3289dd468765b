using Switchboard.Server.Members;

namespace Switchboard.Server.Auth;

public sealed record LoginRequest(string? Email, string? Password);

public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt, MemberResponse Member);

/// <summary>Who the caller is: a member, an API key or a visitor.</summary>
public sealed record CurrentCallerResponse(string Kind, long WorkspaceId, string? Role, MemberResponse? Member, long? ApiKeyId, long? ContactId);

public sealed record CreateApiKeyRequest(string? Name, string? Role);

public sealed record ApiKeyResponse(long Id, string Name, string Prefix, string Role, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>Returned once, at creation: the only time the key itself is shown.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse ApiKey, string Key);
