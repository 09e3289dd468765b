namespace Switchboard.Server.Realtime;

/// <summary>Error codes of the stream endpoints (ProblemDetails <c>code</c>, and WebSocket <c>error</c> frames).</summary>
public static class RealtimeErrors
{
    public const string TooManyConnections = "too_many_connections";
    public const string CursorInvalid = "cursor_invalid";
    public const string WebSocketRequired = "websocket_required";
    public const string FrameInvalid = "frame_invalid";
    public const string RateLimited = "rate_limited";
}
