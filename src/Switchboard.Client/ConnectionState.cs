namespace Switchboard.Client;

/// <summary>The stream's state, for a connection indicator that never blocks the UI.</summary>
public enum ConnectionState
{
    /// <summary>Not started, or stopped.</summary>
    Offline,
    /// <summary>Connecting for the first time or after a drop; local changes keep working meanwhile.</summary>
    Reconnecting,
    /// <summary>Events arrive live.</summary>
    Live,
}
