using System.Threading.Channels;

namespace Switchboard.Server.Realtime;

/// <summary>A waiting long-poll on a feed: woken by new events, deaf to ephemeral signals (they need a stream).</summary>
sealed class PollWaiter : IFeedListener
{
    readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void EventsAvailable() => wake.Writer.TryWrite(true);

    public bool Accepts(EphemeralSignal signal) => false;

    public void Deliver(EphemeralSignal signal, string json) { }

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        await wake.Reader.WaitToReadAsync(cancellationToken);
        wake.Reader.TryRead(out _);
    }
}
