using Switchboard.Client.Sync;

namespace Switchboard.Client;

/// <summary>Tuning of the <see cref="LiveStore"/> shell. Schedules are data: delays in milliseconds, plus jitter.</summary>
public sealed record LiveStoreOptions
{
    /// <summary>Retries of writes that failed in transport or with a 5xx.</summary>
    public RetryPolicy Writes { get; init; } = RetryPolicy.Default;
    /// <summary>
    /// Reconnect delays of the stream; the last one repeats for as long as it takes. A low cap: the client is back
    /// within ~2 s of the server, whatever the length of the outage (the TypeScript SDK's <c>reconnectDelaysMs</c>).
    /// </summary>
    public IReadOnlyList<int> ReconnectDelaysMs { get; init; } = [0, 500, 1000, 2000];
    /// <summary>A write without an answer after this long counts as a transport failure and is retried with the same id.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>How many messages to load when a conversation is watched.</summary>
    public int MessagePageSize { get; init; } = 200;
}
