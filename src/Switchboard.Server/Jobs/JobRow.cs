using Switchboard.Server.Common;

namespace Switchboard.Server.Jobs;

/// <summary>A <c>jobs</c> row as stored.</summary>
public sealed class JobRow
{
    public const string Columns =
        "id, workspace_id, kind, payload, state, attempts, max_attempts, run_at, locked_by, locked_until, last_error, created_at, updated_at, completed_at";

    public long Id { get; set; }
    public long? WorkspaceId { get; set; }
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "";
    public string State { get; set; } = "";
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    public long RunAt { get; set; }
    public string? LockedBy { get; set; }
    public long? LockedUntil { get; set; }
    public string? LastError { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public long? CompletedAt { get; set; }

    public JobResponse ToResponse() => new(Id, Kind, EnumText.Parse<JobState>(State), Attempts, MaxAttempts, Time.FromMs(RunAt),
        LastError, Time.FromMs(CreatedAt), Time.FromMs(UpdatedAt), Time.FromMs(CompletedAt));
}
