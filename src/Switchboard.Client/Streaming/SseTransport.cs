using System.Globalization;
using System.Runtime.CompilerServices;

namespace Switchboard.Client.Streaming;

/// <summary>Server-Sent Events from <c>GET /api/v1/events?cursor=N</c> (the HttpClient carries the bearer token).</summary>
public sealed class SseTransport(HttpClient http) : IFrameStreamTransport
{
    /// <inheritdoc />
    public string Name => "sse";

    /// <inheritdoc />
    public async IAsyncEnumerable<StreamItem> ReadAsync(long cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var frame in ReadFramesAsync(cursor, cancellationToken))
            if (StreamFrames.Parse(frame) is { } item) yield return item;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadFramesAsync(long cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"/api/v1/events?cursor={cursor}"));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var reader = new SseReader();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            reader.Append(chunk.AsSpan(0, read));
            while (reader.TryReadEvent(out var data)) yield return data;
        }
    }
}
