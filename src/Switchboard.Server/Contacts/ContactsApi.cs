using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Contacts;

public sealed record ContactResponse(long Id, string? Name, string? Email, DateTimeOffset CreatedAt);

/// <summary>The customers of a workspace (team only).</summary>
public static class ContactsApi
{
    const string Columns = "id AS Id, name AS Name, email AS Email, created_at AS CreatedAt";

    public static RouteGroupBuilder MapContactsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/contacts").WithTags("Contacts").RequireAuthorization(Policies.Team);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        return group;
    }

    /// <summary>Contacts by id descending; <c>q</c> matches name or email; <c>next</c> continues after the last id.</summary>
    public static async Task<Ok<ItemsResponse<ContactResponse>>> ListAsync(
        HttpContext http, Database database, CancellationToken cancellationToken, string? q = null, int? limit = null, long? before = null)
    {
        var caller = Caller.From(http.User);
        var take = limit ?? 50;
        if (take is < 1 or > 100) throw new DomainException("limit_invalid", "limit must be 1 to 100.", DomainErrorKind.Invalid);
        var pattern = string.IsNullOrWhiteSpace(q) ? null : "%" + q.Trim().ToLowerInvariant() + "%";
        var rows = (await database.ReadAsync((c, tx) => c.QueryAsync<ContactRow>($"""
            SELECT {Columns} FROM contacts
            WHERE workspace_id = @WorkspaceId AND (@before IS NULL OR id < @before)
              AND (@pattern IS NULL OR LOWER(name) LIKE @pattern OR LOWER(email) LIKE @pattern)
            ORDER BY id DESC LIMIT {take + 1}
            """, new { caller.WorkspaceId, before, pattern }, tx), cancellationToken)).ToList();
        var page = rows.Take(take).Select(r => r.ToResponse()).ToList();
        return TypedResults.Ok(new ItemsResponse<ContactResponse>(page, rows.Count > take ? page[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
    }

    public static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> GetAsync(long id, HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var row = await database.ReadAsync((c, tx) => c.QuerySingleOrDefaultAsync<ContactRow>(
            $"SELECT {Columns} FROM contacts WHERE workspace_id = @WorkspaceId AND id = @id", new { caller.WorkspaceId, id }, tx), cancellationToken);
        return row is null ? NotFoundProblem.Of("contact_not_found", "No such contact.") : TypedResults.Ok(row.ToResponse());
    }

    sealed class ContactRow
    {
        public long Id { get; set; }
        public string? Name { get; set; }
        public string? Email { get; set; }
        public long CreatedAt { get; set; }

        public ContactResponse ToResponse() => new(Id, Name, Email, Time.FromMs(CreatedAt));
    }
}
