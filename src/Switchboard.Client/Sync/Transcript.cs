namespace Switchboard.Client.Sync;

/// <summary>
/// What a view shows of a conversation: the newest contiguous range of its confirmed messages in order, then local
/// ones on their way; never a message outside that range, so a transcript has no hole.
/// </summary>
/// <param name="Messages">The messages shown.</param>
/// <param name="Loaded">Some range is loaded (false until the first page is in).</param>
/// <param name="HasOlder">Older messages exist that the view does not hold yet.</param>
/// <param name="From">The first ordinal the view holds, or null.</param>
public sealed record Transcript(IReadOnlyList<MessageView> Messages, bool Loaded, bool HasOlder, long? From);
