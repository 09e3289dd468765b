using Switchboard.Server.Conversations;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Search;

/// <summary>
/// The answer of <c>GET /api/v1/search</c>: conversations whose contact's name or e-mail matches (first page only),
/// then messages by rank, a page at a time.
/// </summary>
public sealed record SearchResponse(IReadOnlyList<SearchContactHit> Contacts, IReadOnlyList<SearchMessageHit> Messages, string? Next);

/// <summary>A message that matches, with its conversation and the part of its text to show.</summary>
public sealed record SearchMessageHit(ConversationResponse Conversation, MessageResponse Message, SearchSnippet Snippet);

/// <summary>A conversation whose contact matches; the snippet is cut from "name &lt;email&gt;".</summary>
public sealed record SearchContactHit(ConversationResponse Conversation, SearchSnippet Snippet);

/// <summary>Plain text and the ranges of it that matched (UTF-16 offsets into <see cref="Text"/>).</summary>
public sealed record SearchSnippet(string Text, IReadOnlyList<SearchHighlight> Highlights);

public sealed record SearchHighlight(int Start, int Length);
