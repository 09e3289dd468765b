namespace Switchboard.Client.Sync;

/// <summary>
/// What to fetch next (<c>GET .../messages?before=&amp;after=&amp;limit=</c>): <see cref="Before"/> null asks for the
/// newest page. <see cref="Epoch"/> ties the request to the stream's continuity: a page asked for before a reset is
/// not merged after it.
/// </summary>
public sealed record PageRequest(long ConversationId, long? Before, long? After, long Epoch);
