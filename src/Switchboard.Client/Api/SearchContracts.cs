using System.Text.Json;
using Switchboard.Client.Models;

namespace Switchboard.Client.Api;

/// <summary>Filters of a search (all optional): see docs/api.md "Search".</summary>
/// <param name="State">One state or several, comma-separated.</param>
/// <param name="Assignee"><c>me</c>, <c>none</c> or a member id.</param>
/// <param name="InboxId">One inbox.</param>
/// <param name="From">Hits from this instant on (inclusive).</param>
/// <param name="To">Hits before this instant (exclusive).</param>
/// <param name="Limit">1 to 50 (server default 20).</param>
/// <param name="Cursor">The <see cref="SearchResults.Next"/> of the previous page.</param>
/// <param name="LabelId">Only conversations carrying this label.</param>
public sealed record SearchFilter(string? State = null, string? Assignee = null, long? InboxId = null, DateTimeOffset? From = null,
    DateTimeOffset? To = null, int? Limit = null, string? Cursor = null, long? LabelId = null);

/// <summary>A range of a snippet's text that matched (UTF-16 offsets).</summary>
public sealed record SearchHighlight(int Start, int Length);

/// <summary>Plain text and the ranges that matched: never markup.</summary>
public sealed record SearchSnippet(string Text, IReadOnlyList<SearchHighlight> Highlights);

/// <summary>A message that matched (notes included: search is the team's only), its conversation and its snippet.</summary>
public sealed record SearchMessageHit(ConversationDto Conversation, MessageDto Message, SearchSnippet Snippet);

/// <summary>A conversation whose contact's name or e-mail matched; the snippet is cut from "name &lt;email&gt;".</summary>
public sealed record SearchContactHit(ConversationDto Conversation, SearchSnippet Snippet);

/// <summary>The answer of <c>GET /api/v1/search</c>: contact hits (first page only), message hits best first, the next page's cursor.</summary>
public sealed record SearchResults(IReadOnlyList<SearchContactHit> Contacts, IReadOnlyList<SearchMessageHit> Messages, string? Next)
{
    /// <summary>
    /// Refuses an answer that is not what the protocol says (a missing part, a range outside its text or out of order),
    /// as the TypeScript SDK does, so a UI never slices text by a broken range.
    /// </summary>
    internal SearchResults Validated()
    {
        if (Contacts is null || Messages is null) throw new JsonException("search: contacts and messages are required.");
        foreach (var hit in Contacts)
            Check(hit?.Conversation is not null, "contacts[].conversation", hit!.Snippet);
        foreach (var hit in Messages)
            Check(hit?.Conversation is not null && hit.Message is not null, "messages[].conversation/message", hit!.Snippet);
        return this;
    }

    static void Check(bool present, string what, SearchSnippet? snippet)
    {
        if (!present) throw new JsonException($"search: {what} is required.");
        if (snippet?.Text is null || snippet.Highlights is null) throw new JsonException("search: a snippet needs text and highlights.");
        var end = 0;
        foreach (var h in snippet.Highlights)
        {
            if (h is null || h.Start < end || h.Length < 1 || h.Start + h.Length > snippet.Text.Length)
                throw new JsonException("search: a highlight must lie inside its text, after the previous one.");
            end = h.Start + h.Length;
        }
    }
}
