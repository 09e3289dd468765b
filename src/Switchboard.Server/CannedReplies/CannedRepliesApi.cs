using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;

namespace Switchboard.Server.CannedReplies;

/// <summary>
/// Canned replies, for the team only (visitors never see them): each member lists the workspace's and their own,
/// writes their own, and admins write the workspace's.
/// </summary>
public static class CannedRepliesApi
{
    public static RouteGroupBuilder MapCannedRepliesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/canned-replies").WithTags("CannedReplies").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapPatch("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
        return group;
    }

    public static async Task<Ok<ItemsResponse<CannedReplyResponse>>> ListAsync(HttpContext http, CannedReplyService replies, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<CannedReplyResponse>(
            (await replies.ListAsync(Caller.From(http.User), cancellationToken)).Select(r => r.ToResponse()).ToList(), null));

    /// <summary>201 for a new reply; a replayed <c>mutationId</c> answers 200 with the reply and its first seq.</summary>
    public static async Task<Results<Created<CannedReplyWriteResponse>, Ok<CannedReplyWriteResponse>>> CreateAsync(CreateCannedReplyRequest request,
        HttpContext http, CannedReplyService replies, CancellationToken cancellationToken)
    {
        var written = await replies.CreateAsync(Caller.From(http.User), request, cancellationToken);
        return written.Replayed ? TypedResults.Ok(written) : TypedResults.Created($"/api/v1/canned-replies/{written.CannedReply.Id}", written);
    }

    public static async Task<Ok<CannedReplyWriteResponse>> UpdateAsync(long id, UpdateCannedReplyRequest request, HttpContext http, CannedReplyService replies,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await replies.UpdateAsync(Caller.From(http.User), id, request, cancellationToken));

    /// <summary>The body carries the <c>mutationId</c>, as every write's does.</summary>
    public static async Task<Ok<CannedReplyDeleteResponse>> DeleteAsync(long id, [FromBody] DeleteCannedReplyRequest request, HttpContext http,
        CannedReplyService replies, CancellationToken cancellationToken) =>
        TypedResults.Ok(await replies.DeleteAsync(Caller.From(http.User), id, request, cancellationToken));
}
