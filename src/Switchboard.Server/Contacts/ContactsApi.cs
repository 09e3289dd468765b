using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Contacts;

/// <summary>The customers of a workspace (team only).</summary>
public static class ContactsApi
{
    public static RouteGroupBuilder MapContactsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/contacts").WithTags("Contacts").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPatch("/{id:long}", UpdateAsync);
        // Operators merge too: duplicates turn up in their daily work (the same person on two devices), and the merge keeps everything.
        group.MapPost("/{id:long}/merge", MergeAsync);
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
        var rows = await database.ReadAsync((c, tx) => ContactStore.ListAsync(c, tx, caller.WorkspaceId, pattern, before, take + 1, cancellationToken), cancellationToken);
        var page = rows.Take(take).ToList();
        return TypedResults.Ok(new ItemsResponse<ContactResponse>(page, rows.Count > take ? page[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
    }

    public static async Task<Ok<ContactResponse>> GetAsync(long id, HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        return TypedResults.Ok(await database.ReadAsync((c, tx) => ContactStore.FindAsync(c, tx, caller.WorkspaceId, id, cancellationToken), cancellationToken)
            ?? throw new DomainException("contact_not_found", "No such contact.", DomainErrorKind.NotFound));
    }

    /// <summary>Edit the name or email (any team member); 409 <c>contact_email_taken</c> names the contact that has the email.</summary>
    public static async Task<Ok<ContactWriteResponse>> UpdateAsync(long id, UpdateContactRequest request, HttpContext http, ContactService contacts,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await contacts.UpdateAsync(Caller.From(http.User), id, request, cancellationToken));

    /// <summary>Merge the duplicate of the body into this contact (any team member); repeating it answers the same.</summary>
    public static async Task<Ok<ContactWriteResponse>> MergeAsync(long id, MergeContactRequest request, HttpContext http, ContactService contacts,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await contacts.MergeAsync(Caller.From(http.User), id, request, cancellationToken));
}
