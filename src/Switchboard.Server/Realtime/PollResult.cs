using System.Text.Json;

namespace Switchboard.Server.Realtime;

/// <summary>
/// The long-poll answer, <c>{"events":[...],"cursor":N}</c>, written with the stored envelopes as they are
/// (no parse, no second serialization).
/// </summary>
public sealed class PollResult(IReadOnlyList<string> events, long cursor) : IResult
{
    public IReadOnlyList<string> Events { get; } = events;
    public long Cursor { get; } = cursor;

    /// <summary>A reset as the single "event"; the cursor stays the one the client sent, so it cannot skip ahead by mistake.</summary>
    public static PollResult Reset(long clientCursor, long current) =>
        new([JsonSerializer.Serialize(new ResetFrame(current), Hosting.JsonDefaults.Options)], clientCursor);

    /// <summary>The events there are, then a <c>disconnect</c> frame: the client polls again only after its reconnect delay.</summary>
    public static PollResult Disconnect(IReadOnlyList<string> events, long cursor, string reason) =>
        new([.. events, JsonSerializer.Serialize(new DisconnectFrame(reason), Hosting.JsonDefaults.Options)], cursor);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartArray("events");
        foreach (var e in Events) json.WriteRawValue(e, skipInputValidation: true);
        json.WriteEndArray();
        json.WriteNumber("cursor", Cursor);
        json.WriteEndObject();
        await json.FlushAsync(httpContext.RequestAborted);
    }
}
