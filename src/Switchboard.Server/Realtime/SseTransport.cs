using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Realtime;

/// <summary>
/// Server-Sent Events: <c>id:</c> (the seq) on every durable event so EventSource resumes with
/// <c>Last-Event-ID</c>, <c>event:</c> with the type, one <c>data:</c> line with the envelope (JSON has no raw
/// newlines), <c>: ping</c> comments as heartbeats. Frames are buffered and flushed when the queue runs dry.
/// </summary>
public sealed class SseTransport(HttpContext http, RealtimeOptions options) : IStreamTransport
{
    public string Name => "sse";

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-transform";
        // nginx buffers responses unless told not to; a buffered event stream is not live.
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        Write(string.Create(CultureInfo.InvariantCulture, $"retry: {(long)options.SseRetry.TotalMilliseconds}\n\n"));
        await FlushAsync(cancellationToken);
    }

    public Task SendAsync(OutboundFrame frame, CancellationToken cancellationToken)
    {
        switch (frame.Kind)
        {
            case FrameKind.Event:
                Write(string.Create(CultureInfo.InvariantCulture, $"id: {frame.Seq}\nevent: {frame.Type}\ndata: "));
                // The event's shared UTF-8 bytes, copied as they are: no per-connection encoding.
                http.Response.BodyWriter.Write(frame.Bytes.Span);
                http.Response.BodyWriter.Write("\n\n"u8);
                break;
            case FrameKind.Cursor:
                // With an id, so EventSource's Last-Event-ID moves past what this viewer skipped.
                Write(string.Create(CultureInfo.InvariantCulture, $"id: {frame.Seq}\nevent: cursor\ndata: {frame.Json}\n\n"));
                break;
            case FrameKind.Signal:
                Write($"event: {frame.Type}\ndata: {frame.Json}\n\n");
                break;
            case FrameKind.Ping:
                Write(": ping\n\n");
                break;
            default:
                // Pongs and error frames answer client frames, which only WebSocket clients send.
                break;
        }
        return Task.CompletedTask;
    }

    public async Task FlushAsync(CancellationToken cancellationToken) => await http.Response.BodyWriter.FlushAsync(cancellationToken);

    public async Task CloseAsync(string reason, long? resetCursor, CancellationToken cancellationToken)
    {
        if (reason == DisconnectReasons.ClientClosed) return;
        // No id: on the last word, so EventSource's Last-Event-ID stays the last real event.
        // A reset (the log's, or a team change's: scope_changed) is the client's cue to reload its snapshot.
        Write(resetCursor is { } cursor
            ? $"event: reset\ndata: {JsonSerializer.Serialize(new ResetFrame(cursor), JsonDefaults.Options)}\n\n"
            : $"event: disconnect\ndata: {JsonSerializer.Serialize(new DisconnectFrame(reason), JsonDefaults.Options)}\n\n");
        await FlushAsync(cancellationToken);
    }

    public Task ReceiveAsync(StreamConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    void Write(string text) => Encoding.UTF8.GetBytes(text, http.Response.BodyWriter);
}
