namespace Switchboard.Server.Jobs;

/// <summary>
/// How to enqueue: <see cref="RunAt"/> delays the first run; <see cref="DedupeKey"/> makes the enqueue a no-op
/// when a job with the same key exists (periodic slots, "close this day once").
/// </summary>
public sealed record JobEnqueueOptions(DateTimeOffset? RunAt = null, int? MaxAttempts = null, string? DedupeKey = null);
