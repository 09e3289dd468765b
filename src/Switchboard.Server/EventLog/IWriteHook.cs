namespace Switchboard.Server.EventLog;

/// <summary>
/// Runs inside a workspace's write transaction just before it commits, with the events appended since the
/// hook last ran. A hook may write and append more events (automatic assignment does); every hook then sees
/// those too, so work that must happen with an event (a webhook delivery job, a statistics fact) is
/// committed or rolled back together with it.
/// </summary>
public interface IWriteHook
{
    /// <summary>Hooks run in ascending order: those that append events before those that only observe them.</summary>
    int Order { get; }

    Task BeforeCommitAsync(WriteContext w, IReadOnlyList<AppendedEvent> events, CancellationToken cancellationToken);
}
