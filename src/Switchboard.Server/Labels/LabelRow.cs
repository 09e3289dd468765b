using Switchboard.Server.Common;

namespace Switchboard.Server.Labels;

/// <summary>A <c>labels</c> row.</summary>
public sealed class LabelRow
{
    public const string Columns = "id, workspace_id, name, colour, description, version, created_at, updated_at";

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public string Name { get; set; } = "";
    public string Colour { get; set; } = "";
    public string? Description { get; set; }
    public long Version { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public LabelResponse ToResponse() => new(Id, Name, Colour, Description, Version, Time.FromMs(CreatedAt), Time.FromMs(UpdatedAt));
}
