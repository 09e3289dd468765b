using System.Text.Json;
using Switchboard.Client.Models;

namespace Switchboard.Client.Streaming;

/// <summary>Something the stream delivered: a durable event, a cursor advance, a reset, an ephemeral signal or a disconnect.</summary>
public abstract record StreamItem;

/// <summary>A durable event (it has a seq).</summary>
public sealed record EventItem(StreamEvent Event) : StreamItem;

/// <summary>The stream moved past events this client may not see.</summary>
public sealed record CursorItem(long Cursor) : StreamItem;

/// <summary>The cursor is older than the retained log: take a snapshot, then reconnect from its cursor.</summary>
public sealed record ResetItem(long Cursor) : StreamItem;

/// <summary>An ephemeral signal (typing, presence, bot thinking): live only, no seq.</summary>
public sealed record SignalItem(string Type, long? ConversationId, JsonElement Frame) : StreamItem;

/// <summary>The server ended the stream (for example a consumer that fell behind); reconnect with the cursor.</summary>
public sealed record DisconnectItem(string Reason) : StreamItem;
