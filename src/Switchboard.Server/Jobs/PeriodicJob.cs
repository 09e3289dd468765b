namespace Switchboard.Server.Jobs;

/// <summary>
/// A job of <paramref name="Kind"/> enqueued once per <paramref name="Interval"/> slot cluster-wide (slot n covers
/// [n·interval, (n+1)·interval) since the Unix epoch). Register with <c>AddPeriodicJob</c>.
/// </summary>
public sealed record PeriodicJob(string Name, string Kind, TimeSpan Interval);
