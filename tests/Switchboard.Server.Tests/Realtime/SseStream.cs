using System.Text;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>A Server-Sent Events client over the in-memory test server, parsing the stream as EventSource does.</summary>
public sealed class SseStream(HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15); // bounded wait for an expected frame; generous for a loaded 2-core CI machine

    public HttpResponseMessage Response => response;
    public string? Retry { get; private set; }
    public int Comments { get; private set; }

    public static async Task<SseStream> ConnectAsync(HttpClient client, long? cursor, long? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/events" + (cursor is { } c ? $"?cursor={c}" : ""));
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Wait);
        // Read the body only on failure: a successful one is an endless stream.
        if (!response.IsSuccessStatusCode) Assert.Fail($"SSE answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var stream = await response.Content.ReadAsStreamAsync();
        return new SseStream(response, new StreamReader(stream, Encoding.UTF8));
    }

    /// <summary>The next dispatched event (<c>data</c> with its <c>id</c>), or null at the end of the stream.</summary>
    public async Task<(string Event, StreamFrame Frame)?> NextAsync(TimeSpan? timeout = null)
    {
        string? id = null, name = null, data = null;
        while (true)
        {
            var line = await reader.ReadLineAsync().WaitAsync(timeout ?? Wait);
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (data is not null) return (name ?? "message", StreamFrame.Parse(data, id));
                id = name = null;
                continue;
            }
            if (line.StartsWith(':')) { Comments++; continue; }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id": id = value; break;
                case "event": name = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
                case "retry": Retry = value; break;
            }
        }
    }

    /// <summary>The next durable event (or reset/disconnect), skipping signals.</summary>
    public async Task<(string Event, StreamFrame Frame)?> NextEventAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var next = await NextAsync(timeout);
            if (next is null || next.Value.Frame.IsDurable || next.Value.Event is "reset" or "disconnect" or "cursor") return next;
        }
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
