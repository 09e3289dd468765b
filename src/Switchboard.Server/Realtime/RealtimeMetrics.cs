using System.Diagnostics.Metrics;

namespace Switchboard.Server.Realtime;

/// <summary>The streams' instruments (meter <c>Switchboard.Realtime</c>): open connections, disconnects by reason, reads by source.</summary>
public sealed class RealtimeMetrics
{
    public const string MeterName = "Switchboard.Realtime";
    public const string RingSource = "ring";
    public const string DatabaseSource = "database";

    readonly UpDownCounter<long> connections;
    readonly Counter<long> disconnects;
    readonly Counter<long> eventsRead;
    readonly Counter<long> signalsDropped;

    public RealtimeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        connections = meter.CreateUpDownCounter<long>("switchboard.realtime.connections", description: "Open streams by transport.");
        disconnects = meter.CreateCounter<long>("switchboard.realtime.disconnects", description: "Streams the server ended, by reason.");
        eventsRead = meter.CreateCounter<long>("switchboard.realtime.events_read", description: "Events read for streams, by source (ring or database).");
        signalsDropped = meter.CreateCounter<long>("switchboard.realtime.signals_dropped", description: "Ephemeral signals dropped (rate limit or full queue).");
    }

    public void Opened(string transport) => connections.Add(1, new KeyValuePair<string, object?>("transport", transport));

    public void Closed(string transport) => connections.Add(-1, new KeyValuePair<string, object?>("transport", transport));

    public void Disconnected(string transport, string reason) => disconnects.Add(1,
        new KeyValuePair<string, object?>("transport", transport), new KeyValuePair<string, object?>("reason", reason));

    public void Read(string source, int count) => eventsRead.Add(count, new KeyValuePair<string, object?>("source", source));

    public void SignalDropped(string reason) => signalsDropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
