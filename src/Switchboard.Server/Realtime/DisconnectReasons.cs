namespace Switchboard.Server.Realtime;

/// <summary>Why the server ended a stream; sent as the SSE <c>disconnect</c> reason and the WebSocket close description.</summary>
public static class DisconnectReasons
{
    /// <summary>The client did not read fast enough and its queue filled: reconnect with your cursor.</summary>
    public const string SlowConsumer = "slow_consumer";
    /// <summary>The cursor is older than the retained log: snapshot, then reconnect.</summary>
    public const string Reset = "reset";
    /// <summary>
    /// A team change may have changed which conversations this operator sees (issue 20): sent with a <c>reset</c> at the
    /// change's seq; snapshot, then reconnect from the snapshot's cursor.
    /// </summary>
    public const string ScopeChanged = "scope_changed";
    /// <summary>The server is stopping: reconnect (another node, or this one when it is back).</summary>
    public const string Shutdown = "shutdown";
    /// <summary>The client went away or closed the stream.</summary>
    public const string ClientClosed = "client_closed";
    /// <summary>The client sent a WebSocket frame larger than the server accepts.</summary>
    public const string FrameTooLarge = "frame_too_large";
    /// <summary>The caller's session or key was revoked (sign-out, deactivation, key deleted): sign in again; reconnecting with it answers 401.</summary>
    public const string Revoked = "revoked";
    /// <summary>The server failed while serving the stream: reconnect with your cursor.</summary>
    public const string Error = "error";
}
