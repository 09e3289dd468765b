using System.Diagnostics.Metrics;

namespace Switchboard.Server.Realtime;

/// <summary>
/// The streams' instruments (meter <c>Switchboard.Realtime</c>): open connections, events delivered and how late,
/// disconnects by reason, reads by source. Scraped through <c>/metrics</c> (docs/operations.md, "Metrics and logs").
/// </summary>
public sealed class RealtimeMetrics
{
    public const string MeterName = "Switchboard.Realtime";
    public const string RingSource = "ring";
    public const string DatabaseSource = "database";

    readonly UpDownCounter<long> connections;
    readonly Counter<long> disconnects;
    readonly Counter<long> eventsRead;
    readonly Counter<long> signalsDropped;
    readonly Counter<long> delivered;
    readonly Histogram<double> deliveryLag;

    public RealtimeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        connections = meter.CreateUpDownCounter<long>("switchboard.realtime.connections", description: "Open streams by transport.");
        disconnects = meter.CreateCounter<long>("switchboard.realtime.disconnects", description: "Streams that started closing, by reason (counted when the decision is made, not when the socket is gone).");
        eventsRead = meter.CreateCounter<long>("switchboard.realtime.events_read", description: "Events read for streams, by source (ring or database).");
        signalsDropped = meter.CreateCounter<long>("switchboard.realtime.signals_dropped", description: "Ephemeral signals dropped (rate limit or full queue).");
        delivered = meter.CreateCounter<long>("switchboard.realtime.events_delivered", unit: "{event}",
            description: "Events sent to clients, by transport (one per event and connection; a long-poll answer counts each event it holds).");
        deliveryLag = meter.CreateHistogram("switchboard.realtime.delivery_lag", unit: "s",
            description: "From an event's write to its frame written to a live stream, by transport (catch-up after a resume is not counted).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void Opened(string transport) => connections.Add(1, new KeyValuePair<string, object?>("transport", transport));

    public void Closed(string transport) => connections.Add(-1, new KeyValuePair<string, object?>("transport", transport));

    public void Disconnected(string transport, string reason) => disconnects.Add(1,
        new KeyValuePair<string, object?>("transport", transport), new KeyValuePair<string, object?>("reason", reason));

    public void Read(string source, int count) => eventsRead.Add(count, new KeyValuePair<string, object?>("source", source));

    public void Delivered(string transport, int count) => delivered.Add(count, new KeyValuePair<string, object?>("transport", transport));

    public void DeliveredLive(string transport, TimeSpan lag) =>
        deliveryLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("transport", transport));

    public void SignalDropped(string reason) => signalsDropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
