
namespace Switchboard.Server.EventLog;

/// <summary>An event appended in the current transaction: as stored, and the draft it came from (with its typed data).</summary>
public sealed record AppendedEvent(StoredEvent Stored, EventDraft Draft);
