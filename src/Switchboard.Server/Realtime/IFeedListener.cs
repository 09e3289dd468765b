using Switchboard.Server.EventLog;

namespace Switchboard.Server.Realtime;

/// <summary>A connection (or a waiting long-poll) on a workspace feed. Every method must return at once.</summary>
public interface IFeedListener
{
    /// <summary>New events may be readable: the listener pulls them from the ring or the log itself.</summary>
    void EventsAvailable();

    /// <summary>
    /// <paramref name="events"/> were just put in the ring (usually in seq order, not always: a listener checks).
    /// A listener that is caught up may take them as they are instead of pulling; by default it pulls.
    /// </summary>
    void Published(IReadOnlyList<StoredEvent> events) => EventsAvailable();

    /// <summary>Whether this viewer may receive <paramref name="signal"/>.</summary>
    bool Accepts(EphemeralSignal signal);

    /// <summary>Delivers an accepted signal, serialized once for every viewer as <paramref name="json"/>.</summary>
    void Deliver(EphemeralSignal signal, string json);
}
