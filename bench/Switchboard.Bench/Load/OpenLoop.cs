namespace Switchboard.Bench.Load;

/// <summary>
/// Issues sends at a fixed rate whatever the server's speed (an open loop), so a slow server shows up as latency
/// and a falling achieved rate instead of quietly slowing the generator down. In-flight requests are capped; at the
/// cap the schedule slips, which the achieved rate reports.
/// </summary>
public static class OpenLoop
{
    /// <summary><paramref name="send"/> posts message i and returns its seq (0 when the server refused it).</summary>
    public static async Task<SendLog> RunAsync(double rate, TimeSpan duration, int maxInFlight,
        Func<int, CancellationToken, Task<long>> send, CancellationToken cancellationToken)
    {
        var total = Math.Max(1, (int)(rate * duration.TotalSeconds));
        var log = new SendLog(total);
        using var slots = new SemaphoreSlim(maxInFlight);
        var tasks = new List<Task>(total);
        var begin = Clock.Now;
        while (log.Issued < total && !cancellationToken.IsCancellationRequested)
        {
            var due = Math.Min(total, (int)(Clock.Ms(begin, Clock.Now) / 1000.0 * rate) + 1);
            while (log.Issued < due)
            {
                await slots.WaitAsync(cancellationToken);
                var i = log.Issued++;
                tasks.Add(SendOneAsync(i));
            }
            // ~1 ms timer granularity on Linux: at 1,000/s this releases one or two sends per tick.
            await Task.Delay(1, cancellationToken);
        }
        await Task.WhenAll(tasks);
        log.Seconds = Clock.Ms(begin, Clock.Now) / 1000.0;
        return log;

        async Task SendOneAsync(int i)
        {
            log.Start[i] = Clock.Now;
            try
            {
                log.Seq[i] = await send(i, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Client.Api.SwitchboardApiException)
            {
                Interlocked.Increment(ref log.Failed);
                log.FirstError ??= e.Message;
            }
            finally
            {
                log.End[i] = Clock.Now;
                slots.Release();
            }
        }
    }
}
