using System.Diagnostics.Metrics;

namespace Switchboard.Server.EventLog;

/// <summary>The event log's instrument (meter <c>Switchboard.EventLog</c>): events committed on this node, all workspaces together.</summary>
public sealed class EventLogMetrics
{
    public const string MeterName = "Switchboard.EventLog";

    readonly Counter<long> committed;

    public EventLogMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        // No workspace label: one series per workspace would grow without bound with the tenants.
        committed = meter.CreateCounter<long>("switchboard.events.committed", unit: "{event}", description: "Events appended to the log by commits on this node.");
    }

    public void Committed(int count) => committed.Add(count);
}
