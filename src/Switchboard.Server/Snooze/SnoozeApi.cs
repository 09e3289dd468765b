using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Snooze;

/// <summary>Snooze and unsnooze a conversation. Team only: visitors never see a conversation's snooze.</summary>
public static class SnoozeApi
{
    public static RouteGroupBuilder MapSnoozeApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/conversations/{id:long}").WithTags("Snooze").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapPost("/snooze", SnoozeAsync);
        group.MapPost("/unsnooze", UnsnoozeAsync);
        return group;
    }

    public static async Task<Ok<ConversationWriteResponse>> SnoozeAsync(long id, SnoozeRequest request, HttpContext http, SnoozeService snooze,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await snooze.SnoozeAsync(Caller.From(http.User), id, request, cancellationToken));

    public static async Task<Ok<ConversationWriteResponse>> UnsnoozeAsync(long id, UnsnoozeRequest request, HttpContext http, SnoozeService snooze,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await snooze.UnsnoozeAsync(Caller.From(http.User), id, request, cancellationToken));
}
