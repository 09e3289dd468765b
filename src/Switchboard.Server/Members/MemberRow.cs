namespace Switchboard.Server.Members;

/// <summary>A <c>members</c> row as stored. Never leaves the server: endpoints return <see cref="MemberResponse"/>.</summary>
public sealed class MemberRow
{
    public const string Columns =
        "id, workspace_id, email, name, role, password_hash, active, capacity, presence, last_activity_at, total_messages, version, created_at";

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string? PasswordHash { get; set; }
    public bool Active { get; set; }
    public int Capacity { get; set; }
    public string Presence { get; set; } = "offline";
    public long? LastActivityAt { get; set; }
    public long TotalMessages { get; set; }
    public long Version { get; set; }
    public long CreatedAt { get; set; }

    public MemberResponse ToResponse() => new(
        Id, Email, Name, Role, Active, Capacity, Presence,
        LastActivityAt is { } a ? DateTimeOffset.FromUnixTimeMilliseconds(a) : null,
        TotalMessages, Version, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
}
