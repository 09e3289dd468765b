using Switchboard.Server.Realtime;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>Waits (bounded) until a workspace's feed has published up to a seq: a wait for an event, not a sleep.</summary>
public sealed class HeadWaiter : IFeedListener
{
    readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    WorkspaceFeed? feed;
    long target;

    public static async Task WaitAsync(TestApp app, long workspaceId, long seq)
    {
        var waiter = new HeadWaiter { target = seq };
        using var subscription = app.Service<IEventBus>().Subscribe(workspaceId, waiter);
        waiter.feed = subscription.Feed;
        waiter.EventsAvailable();
        await waiter.reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void EventsAvailable()
    {
        if (feed is { } f && f.Head >= target) reached.TrySetResult();
    }

    public bool Accepts(EphemeralSignal signal) => false;

    public void Deliver(EphemeralSignal signal, string json) { }
}
