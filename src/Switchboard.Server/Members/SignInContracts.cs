namespace Switchboard.Server.Members;

public sealed record LoginRequest(string? Email, string? Password);

public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt, MemberResponse Member);

/// <summary>Who the caller is: a member, an API key or a visitor.</summary>
public sealed record CurrentCallerResponse(string Kind, long WorkspaceId, string? Role, MemberResponse? Member, long? ApiKeyId, long? ContactId);
