using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;

namespace Switchboard.Server.Contacts;

/// <summary>The <c>contacts</c> and <c>contact_identities</c> tables: the widget, WhatsApp and the demo create contacts here.</summary>
public static partial class ContactStore
{
    public const string WidgetChannel = "widget";
    const string Columns = """
        id AS Id, name AS Name, email AS Email, created_at AS CreatedAt, attributes AS Attributes, version AS Version, merged_into_id AS MergedIntoId,
        page_url AS PageUrl, page_title AS PageTitle, page_language AS PageLanguage, page_time_zone AS PageTimeZone, page_seen_at AS PageSeenAt,
        (SELECT COUNT(*) FROM contact_identities ci WHERE ci.contact_id = contacts.id AND ci.channel = 'verified') AS VerifiedCount
        """;

    /// <summary>Contacts by id descending, before <paramref name="before"/>, whose name or email matches <paramref name="pattern"/> (a LIKE pattern).</summary>
    public static async Task<IReadOnlyList<ContactResponse>> ListAsync(DbConnection c, DbTransaction? tx, long workspaceId, string? pattern, long? before, int limit,
        CancellationToken cancellationToken) =>
        (await c.QueryAsync<ContactRow>(new CommandDefinition($"""
            SELECT {Columns} FROM contacts
            WHERE workspace_id = @workspaceId AND merged_into_id IS NULL AND (@before IS NULL OR id < @before)
              AND (@pattern IS NULL OR LOWER(name) LIKE @pattern OR LOWER(email) LIKE @pattern)
            ORDER BY id DESC LIMIT {limit}
            """, new { workspaceId, before, pattern }, tx, cancellationToken: cancellationToken))).Select(r => r.ToResponse()).ToList();

    public static async Task<ContactResponse?> FindAsync(DbConnection c, DbTransaction? tx, long workspaceId, long id, CancellationToken cancellationToken) =>
        (await c.QuerySingleOrDefaultAsync<ContactRow>(new CommandDefinition(
            $"SELECT {Columns} FROM contacts WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, tx, cancellationToken: cancellationToken)))?.ToResponse();

    /// <summary>Creates a widget visitor: a contact whose widget identity is a fresh random id.</summary>
    public static Task<long> CreateVisitorAsync(DbConnection c, DbTransaction tx, long workspaceId, string? name, string? email, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        CreateAsync(c, tx, workspaceId, name, email, now, WidgetChannel, TokenCodec.Base64Url(RandomNumberGenerator.GetBytes(16)), cancellationToken);

    /// <summary>Creates a contact with its identity on a channel (widget visitor id, WhatsApp wa_id).</summary>
    public static async Task<long> CreateAsync(DbConnection c, DbTransaction tx, long workspaceId, string? name, string? email, DateTimeOffset now,
        string channel, string externalId, CancellationToken cancellationToken)
    {
        var id = await c.QuerySingleAsync<long>(new CommandDefinition("""
            INSERT INTO contacts (workspace_id, name, email, created_at, updated_at) VALUES (@workspaceId, @name, @email, @now, @now) RETURNING id
            """, new { workspaceId, name = name ?? "Visitor", email, now = now.ToUnixTimeMilliseconds() }, tx, cancellationToken: cancellationToken));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO contact_identities (workspace_id, channel, external_id, contact_id) VALUES (@workspaceId, @channel, @externalId, @id)",
            new { workspaceId, channel, externalId, id }, tx, cancellationToken: cancellationToken));
        return id;
    }

    public static Task<long?> FindByIdentityAsync(DbConnection c, DbTransaction? tx, long workspaceId, string channel, string externalId, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT contact_id FROM contact_identities WHERE workspace_id = @workspaceId AND channel = @channel AND external_id = @externalId",
            new { workspaceId, channel, externalId }, tx, cancellationToken: cancellationToken));

    /// <summary>Sets the name and email that are given (null keeps the stored value).</summary>
    public static Task UpdateProfileAsync(DbConnection c, DbTransaction tx, long contactId, string? name, string? email, DateTimeOffset now, CancellationToken cancellationToken) =>
        c.ExecuteAsync(new CommandDefinition(
            "UPDATE contacts SET name = COALESCE(@name, name), email = COALESCE(@email, email), updated_at = @now WHERE id = @contactId",
            new { name, email, contactId, now = now.ToUnixTimeMilliseconds() }, tx, cancellationToken: cancellationToken));

    /// <summary>Replaces the name only while it is still <paramref name="placeholder"/>: a name set since is not overwritten.</summary>
    public static Task ReplacePlaceholderNameAsync(DbConnection c, DbTransaction tx, long contactId, string placeholder, string name, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        c.ExecuteAsync(new CommandDefinition(
            "UPDATE contacts SET name = @name, updated_at = @now WHERE id = @contactId AND name = @placeholder",
            new { name, now = now.ToUnixTimeMilliseconds(), contactId, placeholder }, tx, cancellationToken: cancellationToken));

    sealed class ContactRow
    {
        public long Id { get; set; }
        public string? Name { get; set; }
        public string? Email { get; set; }
        public long CreatedAt { get; set; }
        public string? Attributes { get; set; }
        public long Version { get; set; }
        public long? MergedIntoId { get; set; }
        public string? PageUrl { get; set; }
        public string? PageTitle { get; set; }
        public string? PageLanguage { get; set; }
        public string? PageTimeZone { get; set; }
        public long? PageSeenAt { get; set; }
        public long VerifiedCount { get; set; }

        public ContactResponse ToResponse() => new(Id, Name, Email, Time.FromMs(CreatedAt), ContactAttributes.Parse(Attributes))
        {
            Version = Version,
            Verified = VerifiedCount > 0,
            MergedIntoId = MergedIntoId,
            Page = PageSeenAt is { } seen ? ContactPages.ToResponse(PageUrl, PageTitle, PageLanguage, PageTimeZone, Time.FromMs(seen)) : null,
        };
    }
}
