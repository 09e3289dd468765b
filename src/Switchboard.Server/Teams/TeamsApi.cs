using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;
using Switchboard.Server.Inboxes;

namespace Switchboard.Server.Teams;

/// <summary>
/// Teams (issue 20): the team reads them, admins create, rename, delete them, set their members and put inboxes in them.
/// Visitors get 403 on every route.
/// </summary>
public static class TeamsApi
{
    public static RouteGroupBuilder MapTeamsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/teams").WithTags("Teams").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        group.MapPatch("/{id:long}", UpdateAsync).RequireAuthorization(Policies.Admin);
        group.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(Policies.Admin);

        routes.MapGroup("/api/v1/inboxes").WithTags("Teams").ProducesProblems().RequireAuthorization(Policies.Admin)
            .MapPut("/{id:long}/team", SetInboxTeamAsync);
        return group;
    }

    public static async Task<Ok<ItemsResponse<TeamResponse>>> ListAsync(HttpContext http, TeamService teams, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<TeamResponse>(await teams.ListAsync(Caller.From(http.User), cancellationToken), null));

    public static async Task<Created<WriteResponse<TeamResponse>>> CreateAsync(CreateTeamRequest request, HttpContext http, TeamService teams,
        CancellationToken cancellationToken)
    {
        var (team, seq) = await teams.CreateAsync(Caller.From(http.User), request, cancellationToken);
        return TypedResults.Created($"/api/v1/teams/{team.Id}", new WriteResponse<TeamResponse>(team, seq));
    }

    public static async Task<Ok<WriteResponse<TeamResponse>>> UpdateAsync(long id, UpdateTeamRequest request, HttpContext http, TeamService teams,
        CancellationToken cancellationToken)
    {
        var (team, seq) = await teams.UpdateAsync(Caller.From(http.User), id, request, cancellationToken);
        return TypedResults.Ok(new WriteResponse<TeamResponse>(team, seq));
    }

    /// <summary>A DELETE has no body: its idempotency key, if any, is the <c>mutationId</c> query parameter.</summary>
    public static async Task<Ok<TeamDeletedResponse>> DeleteAsync(long id, HttpContext http, TeamService teams, CancellationToken cancellationToken,
        string? mutationId = null) =>
        TypedResults.Ok(await teams.DeleteAsync(Caller.From(http.User), id, mutationId, cancellationToken));

    public static async Task<Ok<WriteResponse<InboxResponse>>> SetInboxTeamAsync(long id, InboxTeamRequest request, HttpContext http, TeamService teams,
        CancellationToken cancellationToken)
    {
        var (inbox, seq) = await teams.SetInboxTeamAsync(Caller.From(http.User), id, request, cancellationToken);
        return TypedResults.Ok(new WriteResponse<InboxResponse>(inbox, seq));
    }
}
