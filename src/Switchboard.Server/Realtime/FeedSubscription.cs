namespace Switchboard.Server.Realtime;

/// <summary>A listener's membership of a <see cref="WorkspaceFeed"/>; disposing it leaves the feed.</summary>
public sealed class FeedSubscription(WorkspaceFeed feed, IFeedListener listener) : IDisposable
{
    int disposed;

    public WorkspaceFeed Feed { get; } = feed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0) Feed.Remove(listener);
    }
}
