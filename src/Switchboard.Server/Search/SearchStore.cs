using System.Data.Common;
using Dapper;
using Switchboard.Server.Conversations;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Search;

/// <summary>
/// The search indexes' reads (migration 0013: FTS5 tables on SQLite, tsvector GIN indexes on PostgreSQL). Both
/// databases answer the same query the same way: the match, the workspace, the filters; ranked (FTS5's bm25,
/// PostgreSQL's ts_rank normalised by length) among the newest <see cref="RankedCandidates"/> matches, newest first among equals.
/// </summary>
public static class SearchStore
{
    // A hit's row is the message's columns, then the conversation's (from its "id" on: Dapper's splitOn).
    static readonly string MessageColumns = string.Join(", ", MessageRow.Columns.Split(',').Select(c => "m." + c.Trim()));
    const string Joins = "JOIN conversations cv ON cv.id = m.conversation_id JOIN contacts ct ON ct.id = cv.contact_id JOIN inboxes ib ON ib.id = cv.inbox_id";

    /// <summary>
    /// How many of the newest matches are ranked. Ranking every match of a word in a fifth of a million messages costs
    /// seconds on either database; the newest matches are read in id order, which both indexes give cheaply (FTS5 walks
    /// its doclist backwards; PostgreSQL's planner picks the primary key backwards for a common word, the GIN index for a
    /// rare one), and only those are ranked. A search with more matches than this ranks the newest: more words or a filter
    /// reach older ones. Rare words, which old messages are found by, are never cut.
    /// </summary>
    public const int RankedCandidates = 2000;

    /// <summary>Messages that match, best first; <paramref name="filters"/> are <see cref="SearchFilters"/>' clauses over <c>m.created_at</c>.</summary>
    public static async Task<List<(MessageRow Message, ConversationRow Conversation)>> MessagesAsync(DbConnection c, DbTransaction tx,
        DatabaseProvider provider, SearchQuery query, long workspaceId, string filters, DynamicParameters args, int limit, int offset,
        CancellationToken cancellationToken)
    {
        args.Add("workspaceId", workspaceId);
        string candidates;
        if (provider == DatabaseProvider.Postgres)
        {
            var tsquery = query.ToTsQuery(args);
            candidates = $"""
                SELECT m.id, ts_rank(m.search_vector, {tsquery}, 1) AS score
                FROM messages m JOIN conversations cv ON cv.id = m.conversation_id
                WHERE m.search_vector @@ {tsquery} AND m.workspace_id = @workspaceId{filters}
                ORDER BY m.id DESC LIMIT {RankedCandidates}
                """;
        }
        else
        {
            args.Add("match", query.ToFts5());
            // CROSS JOIN keeps the FTS index as the outer loop (SQLite never reorders it): the filters then apply to its
            // matches, newest first, instead of the MATCH being re-run for every conversation row.
            candidates = $"""
                SELECT m.id, -messages_fts.rank AS score
                FROM messages_fts CROSS JOIN messages m ON m.id = messages_fts.rowid CROSS JOIN conversations cv ON cv.id = m.conversation_id
                WHERE messages_fts MATCH @match AND m.workspace_id = @workspaceId{filters}
                ORDER BY messages_fts.rowid DESC LIMIT {RankedCandidates}
                """;
        }
        var sql = $"""
            WITH hits AS MATERIALIZED ({candidates})
            SELECT {MessageColumns}, {ConversationRow.Columns}
            FROM hits JOIN messages m ON m.id = hits.id {Joins}
            ORDER BY hits.score DESC, m.id DESC LIMIT {limit} OFFSET {offset}
            """;
        var rows = await c.QueryAsync<MessageRow, ConversationRow, (MessageRow, ConversationRow)>(
            new CommandDefinition(sql, args, tx, cancellationToken: cancellationToken), (m, cv) => (m, cv), splitOn: "id");
        return rows.ToList();
    }

    /// <summary>Conversations whose contact's name or e-mail matches, best match first, then the most recently active.</summary>
    public static async Task<List<ConversationRow>> ContactConversationsAsync(DbConnection c, DbTransaction tx, DatabaseProvider provider,
        SearchQuery query, long workspaceId, string filters, DynamicParameters args, int limit, CancellationToken cancellationToken)
    {
        args.Add("workspaceId", workspaceId);
        const string From = "JOIN conversations cv ON cv.contact_id = ct.id JOIN inboxes ib ON ib.id = cv.inbox_id";
        string sql;
        if (provider == DatabaseProvider.Postgres)
        {
            var tsquery = query.ToTsQuery(args);
            sql = $"""
                SELECT {ConversationRow.Columns} FROM contacts ct {From}
                WHERE sb_contact_search(ct.name, ct.email) @@ {tsquery} AND ct.workspace_id = @workspaceId{filters}
                ORDER BY ts_rank(sb_contact_search(ct.name, ct.email), {tsquery}) DESC, cv.activity_at DESC, cv.id DESC LIMIT {limit}
                """;
        }
        else
        {
            args.Add("match", query.ToFts5());
            sql = $"""
                SELECT {ConversationRow.Columns} FROM contacts_fts CROSS JOIN contacts ct ON ct.id = contacts_fts.rowid {From}
                WHERE contacts_fts MATCH @match AND ct.workspace_id = @workspaceId{filters}
                ORDER BY contacts_fts.rank, cv.activity_at DESC, cv.id DESC LIMIT {limit}
                """;
        }
        return (await c.QueryAsync<ConversationRow>(new CommandDefinition(sql, args, tx, cancellationToken: cancellationToken))).ToList();
    }
}
