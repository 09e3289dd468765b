using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Switchboard.Client.Sync;

namespace Switchboard.Client.Streaming;

/// <summary>Long-poll: <c>GET /api/v1/events/poll?cursor=N</c> answers a batch after the cursor, or an empty one after a while.</summary>
public sealed class PollTransport(HttpClient http) : IEventStreamTransport
{
    /// <inheritdoc />
    public string Name => "poll";

    /// <inheritdoc />
    public async IAsyncEnumerable<StreamItem> ReadAsync(long cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await http.GetFromJsonAsync<JsonElement>(string.Create(CultureInfo.InvariantCulture, $"/api/v1/events/poll?cursor={cursor}"), SyncJson.Options, cancellationToken);
            foreach (var frame in batch.GetProperty("events").EnumerateArray())
            {
                if (StreamFrames.Parse(frame.GetRawText()) is not { } item) continue;
                yield return item;
                if (item is ResetItem or DisconnectItem) yield break;
            }
            var next = batch.GetProperty("cursor").GetInt64();
            if (next > cursor) yield return new CursorItem(next);
            cursor = next;
        }
    }
}
