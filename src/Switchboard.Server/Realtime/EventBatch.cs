using Switchboard.Server.EventLog;


namespace Switchboard.Server.Realtime;

/// <summary>
/// The next events after a position, in seq order and without gaps; or a reset when the position is no
/// longer in the retained log (<see cref="ResetCursor"/> is then the workspace's current position).
/// </summary>
public sealed record EventBatch(IReadOnlyList<StoredEvent> Events, long? ResetCursor)
{
    public static readonly EventBatch Empty = new([], null);

    public bool IsReset => ResetCursor is not null;
}
