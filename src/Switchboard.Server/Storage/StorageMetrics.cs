using System.Diagnostics.Metrics;

namespace Switchboard.Server.Storage;

/// <summary>
/// Group commit's instruments (meter <c>Switchboard.Storage</c>): how many writes each COMMIT carried and how long
/// its transaction took. A batch size stuck near 1 under load with a long commit points at the disk or the database.
/// </summary>
public sealed class StorageMetrics
{
    public const string MeterName = "Switchboard.Storage";

    readonly Histogram<int> batchSize;
    readonly Histogram<double> commitDuration;

    public StorageMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        batchSize = meter.CreateHistogram("switchboard.storage.write_batch_size", unit: "{write}",
            description: "Writes committed together by one COMMIT (group commit).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        commitDuration = meter.CreateHistogram("switchboard.storage.commit_duration", unit: "s",
            description: "One write batch's transaction, from taking the connection to COMMIT returned.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
    }

    public void Committed(int writes, TimeSpan duration)
    {
        batchSize.Record(writes);
        commitDuration.Record(duration.TotalSeconds);
    }
}
