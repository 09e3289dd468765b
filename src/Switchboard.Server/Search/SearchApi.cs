using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Search;

/// <summary>Full-text search over messages (notes included) and contacts, for the team only.</summary>
public static class SearchApi
{
    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/search").WithTags("Search").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapGet("/", SearchAsync);
        return group;
    }

    public static async Task<Ok<SearchResponse>> SearchAsync(
        HttpContext http, SearchService search, CancellationToken cancellationToken,
        string? q = null, string? state = null, string? assignee = null, long? inboxId = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int? limit = null, string? cursor = null, long? labelId = null) =>
        TypedResults.Ok(await search.SearchAsync(Caller.From(http.User), q, new SearchFilters(state, assignee, inboxId, from, to) { LabelId = labelId }, limit, cursor,
            cancellationToken));
}
