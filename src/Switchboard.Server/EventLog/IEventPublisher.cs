
namespace Switchboard.Server.EventLog;

/// <summary>Receives every batch of events right after its transaction commits, in seq order per workspace.</summary>
public interface IEventPublisher
{
    void Publish(long workspaceId, IReadOnlyList<StoredEvent> events);
}
