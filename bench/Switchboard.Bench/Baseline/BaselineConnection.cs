using System.Threading.Channels;

namespace Switchboard.Bench.Baseline;

/// <summary>One subscriber of the baseline: a bounded queue of serialized frames and the conversation it may see (null: all).</summary>
public sealed class BaselineConnection(long? conversationId)
{
    readonly Channel<BaselineFrame> queue = Channel.CreateBounded<BaselineFrame>(new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public long? ConversationId => conversationId;
    public ChannelReader<BaselineFrame> Frames => queue.Reader;
    public CancellationTokenSource Closed { get; } = new();

    /// <summary>A subscriber that lets its queue fill is cut off, as Switchboard does with slow consumers.</summary>
    public void Enqueue(BaselineFrame frame)
    {
        if (!queue.Writer.TryWrite(frame)) Closed.Cancel();
    }

    public static long? ConversationOf(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer visitor-", StringComparison.Ordinal) && long.TryParse(authorization.AsSpan(15), out var id) ? id : null;
}
