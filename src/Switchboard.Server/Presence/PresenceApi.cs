using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;
using Switchboard.Server.Members;

namespace Switchboard.Server.Presence;

public static class PresenceApi
{
    public static RouteGroupBuilder MapPresenceApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/presence").WithTags("Presence").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapPut("/", SetAsync);
        return group;
    }

    /// <summary>Sets the caller's presence to <c>online</c> or <c>away</c>; a change is announced as the ephemeral <c>presence</c> signal.</summary>
    public static async Task<Ok<WriteResponse<MemberResponse>>> SetAsync(
        SetPresenceRequest request, HttpContext http, PresenceService presence, PresenceTracker tracker, CancellationToken cancellationToken)
    {
        var result = await presence.SetStatusAsync(Caller.From(http.User), request.Status, cancellationToken);
        tracker.Written(result.Data.Id);
        return TypedResults.Ok(result);
    }
}
