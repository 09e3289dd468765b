using Switchboard.Server.EventLog;

namespace Switchboard.Server.Contacts;

/// <summary>The side panel's writes: a team member's edit, the widget's page report, a merge. Each bumps the contact's version.</summary>
public static partial class ContactStore
{
    public static Task<ContactResponse?> FindAsync(WriteContext w, long id) => FindAsync(w.Connection, w.Transaction, w.WorkspaceId, id, w.CancellationToken);

    /// <summary>Another contact (not merged away) of the workspace with this normalised email, if any.</summary>
    public static Task<long?> WithEmailAsync(WriteContext w, string email, long exceptId) => w.QuerySingleOrDefaultAsync<long?>(
        "SELECT MIN(id) FROM contacts WHERE workspace_id = @WorkspaceId AND LOWER(email) = @email AND id <> @exceptId AND merged_into_id IS NULL",
        new { w.WorkspaceId, email, exceptId }, w.CancellationToken);

    public static Task SetProfileAsync(WriteContext w, long id, string? name, string? email) => w.ExecuteAsync(
        "UPDATE contacts SET name = @name, email = @email, version = version + 1, updated_at = @now WHERE id = @id AND workspace_id = @WorkspaceId",
        new { name, email, id, w.WorkspaceId, now = w.NowMs }, w.CancellationToken);

    public static Task SetPageAsync(WriteContext w, long id, ContactPages.Page page) => w.ExecuteAsync("""
        UPDATE contacts SET page_url = @Url, page_title = @Title, page_language = @Language, page_time_zone = @TimeZone, page_seen_at = @now,
            version = version + 1, updated_at = @now
        WHERE id = @id AND workspace_id = @WorkspaceId
        """, new { page.Url, page.Title, page.Language, page.TimeZone, id, w.WorkspaceId, now = w.NowMs }, w.CancellationToken);

    /// <summary>Marks <paramref name="mergedId"/> merged into <paramref name="keptId"/> and moves its identities (widget visitor ids, verified ids, WhatsApp wa_ids).</summary>
    public static async Task MarkMergedAsync(WriteContext w, long keptId, long mergedId)
    {
        await w.ExecuteAsync("UPDATE contact_identities SET contact_id = @keptId WHERE contact_id = @mergedId AND workspace_id = @WorkspaceId",
            new { keptId, mergedId, w.WorkspaceId }, w.CancellationToken);
        await w.ExecuteAsync(
            "UPDATE contacts SET merged_into_id = @keptId, version = version + 1, updated_at = @now WHERE id = @mergedId AND workspace_id = @WorkspaceId",
            new { keptId, mergedId, w.WorkspaceId, now = w.NowMs }, w.CancellationToken);
        // A contact merged into the one merged away now lives on the kept one, so following merged_into_id is one step.
        await w.ExecuteAsync("UPDATE contacts SET merged_into_id = @keptId WHERE merged_into_id = @mergedId AND workspace_id = @WorkspaceId",
            new { keptId, mergedId, w.WorkspaceId }, w.CancellationToken);
    }

    /// <summary>Sets the kept contact's merged profile and attributes in one step.</summary>
    public static Task SetMergedProfileAsync(WriteContext w, long id, string? name, string? email, string? attributes) => w.ExecuteAsync(
        "UPDATE contacts SET name = @name, email = @email, attributes = @attributes, version = version + 1, updated_at = @now WHERE id = @id AND workspace_id = @WorkspaceId",
        new { name, email, attributes, id, w.WorkspaceId, now = w.NowMs }, w.CancellationToken);

    /// <summary>The contact a visitor session of <paramref name="contactId"/> belongs to now: itself, or the one it was merged into.</summary>
    public static async Task<long> CurrentIdAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction? tx, long contactId, CancellationToken cancellationToken) =>
        await Dapper.SqlMapper.QuerySingleOrDefaultAsync<long?>(c, new Dapper.CommandDefinition(
            "SELECT merged_into_id FROM contacts WHERE id = @contactId", new { contactId }, tx, cancellationToken: cancellationToken)) ?? contactId;
}
