using Switchboard.Client.Streaming;
using Switchboard.Client.Sync;

namespace Switchboard.Client;

public sealed partial class LiveStore
{
    // Cancelled to cut a reconnect wait short (an answer from the server proves it is back).
    volatile CancellationTokenSource? reconnectWait;

    async Task RunRequestsAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<OutgoingRequest> due;
            DateTimeOffset? nextRetry;
            lock (gate)
            {
                due = Core.TakeDueRequests(time.GetUtcNow());
                nextRetry = Core.NextRetryAt;
            }
            foreach (var request in due) _ = SendAsync(request, cancellationToken);
            // NextRetryAt leaves out targets with a write in flight (their answer wakes us), so a retry that became
            // due while we looked is taken at once on the next round rather than waited for.
            var wait = nextRetry is { } at ? Max(at - time.GetUtcNow(), TimeSpan.Zero) : Timeout.InfiniteTimeSpan;
            try { await wake.WaitAsync(wait, cancellationToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    void WakeStream()
    {
        try { reconnectWait?.Cancel(); }
        catch (ObjectDisposedException) { } // the wait ended meanwhile: nothing to cut short
    }

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    async Task SendAsync(OutgoingRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // An upload has no deadline (a large file takes its time); cancelling its message aborts it.
        if (request.Upload is null) timeout.CancelAfter(options.RequestTimeout);
        else uploads[request.Key] = timeout;
        try
        {
            var (status, body) = request.Upload is null
                ? await api.SendRawAsync(request, timeout.Token)
                : await api.SendUploadAsync(request, new UploadProgress(fraction => Mutate(c => c.OnUploadProgress(request.Key, fraction))), timeout.Token);
            Mutate(c => c.OnResponse(request.Key, status, body, time.GetUtcNow()));
            // The server answered: a stream waiting out its reconnect delay need not wait any longer.
            if (status < 500 && State != ConnectionState.Live) WakeStream();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or IOException)
        {
            Mutate(c => c.OnTransportFailure(request.Key, time.GetUtcNow()));
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            uploads.TryRemove(request.Key, out _);
        }
        wake.Release();
    }

    async Task RunStreamAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var resync = false;
                var items = 0;
                await foreach (var item in transport.ReadAsync(Cursor, cancellationToken))
                {
                    items++;
                    if (State != ConnectionState.Live)
                    {
                        State = ConnectionState.Live;
                        Connections++;
                        // Writes that waited for the connection go now.
                        Mutate(c => c.SetConnected(true, time.GetUtcNow()));
                        wake.Release();
                    }
                    failures = 0;
                    switch (item)
                    {
                        case EventItem e: Mutate(c => c.ApplyEvent(e.Event)); break;
                        case CursorItem cursor: Mutate(c => c.AdvanceCursor(cursor.Cursor)); break;
                        case SignalItem signal: ApplySignal(signal); break;
                        case ResetItem: resync = true; break;
                    }
                    if (resync || item is DisconnectItem) break;
                }
                if (resync) await ResyncAsync(cancellationToken);
                // A connection that ends without delivering anything backs off like a failure, never spins.
                else if (items == 0) failures++;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever a transport throws, the stream loop lives on: it backs off and resumes from the cursor.
                LastStreamError = e;
                failures++;
            }
            if (State != ConnectionState.Reconnecting)
            {
                State = ConnectionState.Reconnecting;
                Mutate(c => c.SetConnected(false, time.GetUtcNow()));
            }
            var delays = options.ReconnectDelaysMs;
            var delay = failures == 0 || delays.Count == 0 ? 0 : delays[Math.Min(failures, delays.Count) - 1];
            // Jitter keeps a restarted server from being hit by every client at the same instant.
            var wait = TimeSpan.FromMilliseconds(delay + delay * 0.2 * Random.Shared.NextDouble());
            using var waitCut = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            reconnectWait = waitCut;
            try { if (wait > TimeSpan.Zero) await Task.Delay(wait, time, waitCut.Token); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { /* woken: reconnect now */ }
            catch (OperationCanceledException) { return; }
            finally { reconnectWait = null; }
        }
    }

    /// <summary>After a reset: a fresh snapshot and fresh pages of the watched conversations; pending work stays.</summary>
    async Task ResyncAsync(CancellationToken cancellationToken)
    {
        Mutate(c => c.RequestSnapshot());
        var snapshot = await api.GetSnapshotAsync(cancellationToken);
        Mutate(c => c.LoadSnapshot(snapshot));
        long[] conversations;
        lock (gate) conversations = [.. watched];
        foreach (var id in conversations)
        {
            PageRequest request;
            lock (gate) request = Core.NewestPage(id);
            await LoadPageAsync(request, options.MessagePageSize, cancellationToken);
        }
    }
}
