using System.Net;
using System.Text.Json;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// A Server-Sent Events stream (<c>/api/v1/events</c>) read frame by frame, as a browser's EventSource would: durable
/// events and ephemeral signals in the order the server wrote them. Open it before the action whose frames you expect:
/// once <see cref="OpenAsync"/> returns, the server has subscribed this stream.
/// </summary>
public sealed class SseClient : IAsyncDisposable
{
    readonly HttpResponseMessage response;
    readonly CancellationTokenSource stop = new();
    readonly Lock gate = new();
    readonly List<Frame> frames = [];
    readonly Task reading;
    TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One frame: <see cref="Id"/> is the seq of a durable event (null for a signal).</summary>
    public sealed record Frame(string? Id, string Event, JsonElement Data);

    SseClient(HttpResponseMessage response)
    {
        this.response = response;
        reading = Task.Run(ReadAsync);
    }

    public static async Task<SseClient> OpenAsync(HttpClient client, string url = "/api/v1/events")
    {
        var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new SseClient(response);
    }

    public IReadOnlyList<Frame> Frames
    {
        get { lock (gate) return frames.ToList(); }
    }

    /// <summary>Waits for a frame matching <paramref name="match"/> (bounded, default 30 s: a bound for a loaded machine, not a wait) and returns its position and the frame.</summary>
    public async Task<(int Index, Frame Frame)> WaitAsync(Func<Frame, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            Task next;
            lock (gate)
            {
                var index = frames.FindIndex(f => match(f));
                if (index >= 0) return (index, frames[index]);
                next = arrived.Task;
            }
            try
            {
                await next.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                lock (gate) Assert.Fail($"No matching SSE frame within the timeout; saw: {string.Join(", ", frames.Select(f => f.Event))}");
            }
        }
    }

    async Task ReadAsync()
    {
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            string? id = null, type = null, data = null;
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (type is not null && data is not null) Add(new Frame(id, type, JsonDocument.Parse(data).RootElement.Clone()));
                    (id, type, data) = (null, null, null);
                }
                else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
                else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Disposed (the read cancelled, or the response disposed under it): the stream ends here.
        }
    }

    void Add(Frame frame)
    {
        lock (gate)
        {
            frames.Add(frame);
            arrived.TrySetResult();
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        response.Dispose();
        await reading;
        stop.Dispose();
    }
}
