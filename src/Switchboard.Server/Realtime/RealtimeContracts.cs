using System.Text.Json.Serialization;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Realtime;

// The non-durable frames of the streams (docs/protocol.md). Durable events are not here: they go out as the
// stored envelope, byte for byte.

/// <summary>An ephemeral signal on the wire: no seq, never stored.</summary>
public sealed record SignalFrame(string Type, long? ConversationId, Actor? Actor, object? Data);

/// <summary>The data of <c>typing</c>: <c>start</c> or <c>stop</c>.</summary>
public sealed record TypingData(string State);

/// <summary>The data of <c>presence</c>: a member's status (<c>online</c>, <c>away</c>, <c>offline</c>).</summary>
public sealed record PresenceData(long MemberId, string Status);

/// <summary>The data of <c>bot.thinking</c>.</summary>
public sealed record BotThinkingData(bool Thinking);

/// <summary>
/// The cursor is older than the retained log (or unknown to it): take a snapshot and reconnect with the
/// snapshot's cursor. <see cref="Cursor"/> is the workspace's position when the reset was decided.
/// </summary>
public sealed record ResetFrame(long Cursor)
{
    [JsonPropertyOrder(-1)]
    public string Type => "reset";
}

/// <summary>The server ends the stream; reconnect with your cursor (after a while for <c>too_many_connections</c>).</summary>
public sealed record DisconnectFrame(string Reason)
{
    [JsonPropertyOrder(-1)]
    public string Type => "disconnect";
}

/// <summary>A client frame the server could not act on (WebSocket only); the stream goes on.</summary>
public sealed record ErrorFrame(string Code, string Detail, string? For)
{
    [JsonPropertyOrder(-1)]
    public string Type => "error";
}

/// <summary>
/// What a WebSocket client may send: <c>typing</c> (conversationId, state), <c>read</c> or <c>delivered</c>
/// (conversationId, upToMessageId), <c>ping</c> and <c>pong</c>.
/// </summary>
public sealed record ClientFrame(string? Type, long? ConversationId, string? State, long? UpToMessageId);
