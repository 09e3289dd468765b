namespace Switchboard.Server.Members;

public sealed record MemberResponse(
    long Id, string Email, string Name, string Role, bool Active, int Capacity, string Presence,
    DateTimeOffset? LastActivityAt, long TotalMessages, long Version, DateTimeOffset CreatedAt);

/// <summary>Create (invite) a member. Without a password a temporary one is generated and returned once.</summary>
public sealed record CreateMemberRequest(string? Email, string? Name, string? Role, string? Password, int? Capacity);

public sealed record CreatedMemberResponse(MemberResponse Member, string? TemporaryPassword);

/// <summary>Change a member: absent fields stay as they are. <c>active: false</c> deactivates and signs them out.</summary>
public sealed record UpdateMemberRequest(string? Name, string? Role, bool? Active, int? Capacity, string? Password);
