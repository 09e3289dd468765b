using System.Text.Json;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

/// <summary>Long-poll requests and their answers.</summary>
public static class PollClient
{
    public sealed record PollAnswer(IReadOnlyList<StreamFrame> Events, long Cursor);

    public static async Task<PollAnswer> PollAsync(HttpClient client, long? cursor, int? limit = null)
    {
        var query = new List<string>();
        if (cursor is { } c) query.Add($"cursor={c}");
        if (limit is { } l) query.Add($"limit={l}");
        var response = await client.GetAsync("/api/v1/events/poll" + (query.Count > 0 ? "?" + string.Join('&', query) : "")).WaitAsync(TimeSpan.FromSeconds(10));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"poll answered {(int)response.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        var events = doc.RootElement.GetProperty("events").EnumerateArray().Select(e => StreamFrame.Parse(e.GetRawText())).ToList();
        return new PollAnswer(events, doc.RootElement.GetProperty("cursor").GetInt64());
    }
}
