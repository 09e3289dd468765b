using System.Globalization;
using Microsoft.Extensions.Options;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Realtime;

/// <summary>
/// The three transports over one log and one cursor (docs/protocol.md): WebSocket at <c>/api/v1/stream</c>,
/// Server-Sent Events at <c>/api/v1/events</c> and long-polling at <c>/api/v1/events/poll</c>.
/// </summary>
public static class RealtimeApi
{
    public static RouteGroupBuilder MapRealtimeApi(this WebApplication app)
    {
        // The WebSocket middleware must run before the endpoints; adding it here keeps Program.cs to one line per feature.
        app.UseWebSockets();
        var group = app.MapGroup("/api/v1").WithTags("Realtime").ProducesProblems(503).RequireAuthorization(Policies.Participant);
        group.MapGet("/stream", StreamAsync);
        group.MapGet("/events", EventsAsync);
        group.MapGet("/events/poll", PollAsync);
        return group;
    }

    // The two stream handlers return the runner's task rather than await it: an async frame of their own would stay
    // alive for as long as the stream, once per open stream.
    /// <summary>WebSocket stream from <c>?cursor=</c> (or from now); <c>?frames=batch</c>: several frames per message.</summary>
    public static Task StreamAsync(HttpContext http, StreamRunner runner, IOptions<RealtimeOptions> options, ILogger<StreamRunner> logger, string? cursor = null, string? frames = null)
    {
        if (!http.WebSockets.IsWebSocketRequest)
            throw new DomainException(RealtimeErrors.WebSocketRequired, "This endpoint speaks WebSocket; use /api/v1/events for Server-Sent Events.", DomainErrorKind.Invalid);
        var from = ParseCursor(cursor);
        var handler = ActivatorUtilities.CreateInstance<ClientFrameHandler>(http.RequestServices, options.Value, (ILogger)logger);
        if (frames is not (null or "single" or "batch"))
            throw new DomainException(ErrorCodes.InvalidRequest, "frames must be 'single' or 'batch'.", DomainErrorKind.Invalid);
        return runner.RunAsync(http, new WebSocketTransport(http, options.Value, handler, batched: frames == "batch"), from);
    }

    /// <summary>Server-Sent Events from <c>Last-Event-ID</c>, else <c>?cursor=</c>, else from now.</summary>
    public static Task EventsAsync(HttpContext http, StreamRunner runner, IOptions<RealtimeOptions> options, string? cursor = null)
    {
        // EventSource sends Last-Event-ID when it reconnects by itself: it is newer than the URL's cursor.
        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        var from = ParseCursor(string.IsNullOrWhiteSpace(lastEventId) ? cursor : lastEventId);
        return runner.RunAsync(http, new SseTransport(http, options.Value), from);
    }

    /// <summary>Long-poll: events after <c>?cursor=</c> (or from now), at most <c>limit</c> (default 200, up to 1000).</summary>
    public static async Task PollAsync(HttpContext http, LongPoll poll, string? cursor = null, string? limit = null)
    {
        var from = ParseCursor(cursor);
        var take = 200;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > LongPoll.MaxLimit))
            throw new DomainException("limit_invalid", $"limit must be 1 to {LongPoll.MaxLimit}.", DomainErrorKind.Invalid);
        await poll.PollAsync(http, from, take);
    }

    /// <summary>A cursor is a seq: a whole number, 0 or more. Absent means "from now".</summary>
    public static bool TryParseCursor(string? text, out long? cursor)
    {
        cursor = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return false;
        cursor = value;
        return true;
    }

    static long? ParseCursor(string? text) => TryParseCursor(text, out var cursor)
        ? cursor
        : throw new DomainException(RealtimeErrors.CursorInvalid, "cursor (or Last-Event-ID) must be a seq: a whole number, 0 or more.", DomainErrorKind.Invalid);
}
