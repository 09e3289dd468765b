using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Switchboard.Client.Streaming;

/// <summary>Server-Sent Events from <c>GET /api/v1/events?cursor=N</c> (the HttpClient carries the bearer token).</summary>
public sealed class SseTransport(HttpClient http) : IEventStreamTransport
{
    /// <inheritdoc />
    public string Name => "sse";

    /// <inheritdoc />
    public async IAsyncEnumerable<StreamItem> ReadAsync(long cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"/api/v1/events?cursor={cursor}"));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body, Encoding.UTF8);
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0 && StreamFrames.Parse(data.ToString()) is { } item) yield return item;
                data.Clear();
                continue;
            }
            if (line.StartsWith("data:", StringComparison.Ordinal)) data.Append(line.AsSpan(line.StartsWith("data: ", StringComparison.Ordinal) ? 6 : 5));
            // id:, event:, retry: and ": comments" carry nothing the JSON frame does not.
        }
    }
}
