using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Realtime;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>
/// Listens to one test app's <c>Switchboard.Realtime</c> meter: totals per instrument and tag, and a way to
/// wait (bounded) until a total is reached.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    readonly MeterListener listener = new();
    readonly ConcurrentDictionary<string, long> totals = new();
    readonly object changed = new();
    TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MetricRecorder(TestApp app)
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RealtimeMetrics.MeterName && instrument.Meter.Scope == factory) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags) totals.AddOrUpdate($"{instrument.Name}:{tag.Value}", value, (_, v) => v + value);
            totals.AddOrUpdate(instrument.Name, value, (_, v) => v + value);
            lock (changed) signal.TrySetResult();
        });
        listener.Start();
    }

    /// <summary>A total, by instrument name, or <c>name:tagValue</c> (for example <c>switchboard.realtime.disconnects:slow_consumer</c>).</summary>
    public long Total(string key) => totals.TryGetValue(key, out var v) ? v : 0;

    public async Task WaitForAsync(string key, long atLeast, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (Total(key) < atLeast)
        {
            Task next;
            lock (changed)
            {
                if (signal.Task.IsCompleted) signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                next = signal.Task;
            }
            if (Total(key) >= atLeast) break;
            await next.WaitAsync(cts.Token);
        }
    }

    public void Dispose() => listener.Dispose();
}
