namespace Switchboard.Server.Realtime;

/// <summary>
/// Sends live-only signals (typing, presence, bot thinking) to whoever is connected now. Signals are never
/// stored, carry no seq and never move a cursor; a viewer that is not connected simply misses them.
/// Build them with <see cref="EphemeralSignals"/>.
/// </summary>
public interface IEphemeralPublisher
{
    /// <summary>Never blocks: a connection whose queue is full drops the signal.</summary>
    void PublishEphemeral(EphemeralSignal signal);
}
