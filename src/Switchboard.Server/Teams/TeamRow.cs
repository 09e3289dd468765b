using Switchboard.Server.Common;

namespace Switchboard.Server.Teams;

/// <summary>A <c>teams</c> row with its members and inboxes (read from <c>team_members</c> and <c>inboxes.team_id</c>).</summary>
public sealed class TeamRow
{
    public const string Columns = "id, workspace_id, name, version, created_at, updated_at";

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public string Name { get; set; } = "";
    public long Version { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public List<long> MemberIds { get; set; } = [];
    public List<long> InboxIds { get; set; } = [];

    public TeamResponse ToResponse() => new(Id, Name, MemberIds, InboxIds, Version, Time.FromMs(CreatedAt), Time.FromMs(UpdatedAt));
}
