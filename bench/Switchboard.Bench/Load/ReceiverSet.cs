namespace Switchboard.Bench.Load;

/// <summary>Receivers opened together (a batch at a time, so thousands of connects do not all race), run and closed together.</summary>
public sealed class ReceiverSet : IAsyncDisposable
{
    static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    readonly CancellationTokenSource stop = new();
    readonly List<Task> loops = [];

    public List<Receiver> Receivers { get; } = [];
    /// <summary>Receivers whose stream never opened (refused, timed out); they are not in <see cref="Receivers"/>.</summary>
    public List<Receiver> Refused { get; } = [];

    public static async Task<ReceiverSet> OpenAsync(StreamConnector connector, IReadOnlyList<(string Name, string Token, long Cursor)> specs, int batch, CancellationToken cancellationToken)
    {
        var set = new ReceiverSet();
        for (var from = 0; from < specs.Count; from += batch)
        {
            var opening = new List<Receiver>();
            for (var i = from; i < Math.Min(specs.Count, from + batch); i++)
            {
                var receiver = connector.Create(specs[i].Name, specs[i].Token, specs[i].Cursor, i);
                opening.Add(receiver);
                set.loops.Add(Task.Run(() => receiver.RunAsync(set.stop.Token), CancellationToken.None));
            }
            foreach (var receiver in opening)
            {
                try
                {
                    await receiver.Connected.WaitAsync(ConnectTimeout, cancellationToken);
                    set.Receivers.Add(receiver);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    set.Refused.Add(receiver);
                }
            }
        }
        return set;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            // A receiver that does not notice cancellation must not hang the bench; the process ends soon anyway.
        }
        stop.Dispose();
    }
}
