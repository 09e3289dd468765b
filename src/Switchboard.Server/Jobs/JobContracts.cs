namespace Switchboard.Server.Jobs;

/// <summary>A job as admins see it (without its payload, which can be large or carry customer text).</summary>
public sealed record JobResponse(
    long Id, string Kind, JobState State, int Attempts, int MaxAttempts, DateTimeOffset RunAt, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? CompletedAt);

/// <summary>The payload of a periodic job: which job and which slot.</summary>
public sealed record PeriodicSlot(string Name, long Slot);
