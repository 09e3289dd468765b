using System.Globalization;
using System.Text;
using Dapper;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Search;

/// <summary>
/// Full-text search for the team. Visitors never search (the API's Team policy, checked again here): a visitor's
/// widget shows its one conversation whole, and search would be one more way to reach other contacts' data.
/// Internal notes are found, marked <c>isNote</c>, since only the team can call this.
/// </summary>
public sealed class SearchService(Database database, TimeProvider clock, ILogger<SearchService> logger)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    /// <summary>Contact hits come on the first page only, a handful: the messages are what pages.</summary>
    public const int ContactLimit = 5;
    /// <summary>Deeper than this, a search should be narrowed instead: offset paging re-ranks every page before it.</summary>
    public const int MaxOffset = 1000;

    public Task<SearchResponse> SearchAsync(Caller caller, string? q, SearchFilters filters, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (!caller.IsTeam || caller.IsBot)
            throw new DomainException("forbidden", "Search is for the team.", DomainErrorKind.Forbidden);
        var query = SearchQuery.Parse(q);
        var pageSize = limit ?? DefaultLimit;
        if (pageSize is < 1 or > MaxLimit) throw new DomainException("limit_invalid", $"limit must be 1 to {MaxLimit}.", DomainErrorKind.Invalid);
        var offset = cursor is null ? 0 : DecodeCursor(cursor);
        var messageArgs = new DynamicParameters();
        var messageFilters = filters.ToSql(caller, messageArgs, "m.created_at");
        var contactArgs = new DynamicParameters();
        var contactFilters = filters.ToSql(caller, contactArgs, "cv.activity_at");

        var started = clock.GetTimestamp();
        return database.ReadAsync(async (c, tx) =>
        {
            var contacts = offset > 0 ? [] : await SearchStore.ContactConversationsAsync(c, tx, database.Provider, query, caller.WorkspaceId,
                contactFilters, contactArgs, ContactLimit, cancellationToken);
            var rows = await SearchStore.MessagesAsync(c, tx, database.Provider, query, caller.WorkspaceId, messageFilters, messageArgs,
                pageSize + 1, offset, cancellationToken);
            var page = rows.Take(pageSize).ToList();
            var next = rows.Count > pageSize && offset + pageSize < MaxOffset ? EncodeCursor(offset + pageSize) : null;
            SearchLog.Searched(logger, caller.WorkspaceId, query.Terms.Count, page.Count, (long)clock.GetElapsedTime(started).TotalMilliseconds);
            return new SearchResponse(
                contacts.Select(r => new SearchContactHit(ConversationViews.ForTeam(r.ToRecord()), SearchSnippets.Cut(ContactText(r), query))).ToList(),
                page.Select(h => new SearchMessageHit(ConversationViews.ForTeam(h.Conversation.ToRecord()), h.Message.ToResponse(),
                    SearchSnippets.Cut(h.Message.Text, query))).ToList(),
                next);
        }, cancellationToken);
    }

    static string ContactText(ConversationRow r) => (r.ContactName, r.ContactEmail) switch
    {
        ({ } name, { } email) => $"{name} <{email}>",
        ({ } name, null) => name,
        (null, { } email) => email,
        _ => "",
    };

    static string EncodeCursor(int offset) =>
        TokenCodec.Base64Url(Encoding.UTF8.GetBytes("o:" + offset.ToString(CultureInfo.InvariantCulture)));

    static int DecodeCursor(string cursor)
    {
        var bytes = TokenCodec.FromBase64Url(cursor);
        var text = bytes is null ? "" : Encoding.UTF8.GetString(bytes);
        return text.StartsWith("o:", StringComparison.Ordinal)
            && int.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset <= MaxOffset
            ? offset
            : throw new DomainException("cursor_invalid", "The cursor is not one this server issued.", DomainErrorKind.Invalid);
    }
}
