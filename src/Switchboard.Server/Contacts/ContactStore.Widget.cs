using System.Data.Common;
using Dapper;

namespace Switchboard.Server.Contacts;

/// <summary>What the widget stores on a contact: verified identities, custom attributes, the email left for an answer.</summary>
public static partial class ContactStore
{
    /// <summary>The channel of a verified identity: the host site's user id, proven by its HMAC.</summary>
    public const string VerifiedChannel = "verified";

    public static async Task<bool> IsVerifiedAsync(DbConnection c, DbTransaction? tx, long contactId, CancellationToken cancellationToken) =>
        await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM contact_identities WHERE contact_id = @contactId AND channel = @channel",
            new { contactId, channel = VerifiedChannel }, tx, cancellationToken: cancellationToken)) > 0;

    public static Task<string?> AttributesAsync(DbConnection c, DbTransaction? tx, long contactId, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT attributes FROM contacts WHERE id = @contactId", new { contactId }, tx, cancellationToken: cancellationToken));

    public static Task SetAttributesAsync(DbConnection c, DbTransaction tx, long contactId, string json, DateTimeOffset now, CancellationToken cancellationToken) =>
        c.ExecuteAsync(new CommandDefinition(
            "UPDATE contacts SET attributes = @json, updated_at = @now WHERE id = @contactId",
            new { json, contactId, now = now.ToUnixTimeMilliseconds() }, tx, cancellationToken: cancellationToken));
}
