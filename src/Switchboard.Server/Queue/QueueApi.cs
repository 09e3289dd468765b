using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Queue;

/// <summary>
/// The waiting room (<c>/api/v1/queue</c>) and the conversation actions that feed or drain it
/// (<c>/api/v1/conversations/{id}/claim</c>, <c>/handoff</c>).
/// </summary>
public static class QueueApi
{
    public static RouteGroupBuilder MapQueueApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/queue").WithTags("Queue").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapGet("/", ListAsync);
        group.MapPost("/claim", ClaimNextAsync);

        var conversation = routes.MapGroup("/api/v1/conversations/{id:long}").WithTags("Queue").ProducesProblems();
        conversation.MapPost("/claim", ClaimAsync).RequireAuthorization(Policies.Team);
        // An external bot hands off with its bot key, which is not the team's.
        conversation.MapPost("/handoff", HandoffAsync).RequireAuthorization(Policies.Responder);
        return group;
    }

    public static async Task<Ok<QueueResponse>> ListAsync(HttpContext http, QueueService queue, CancellationToken cancellationToken, int? limit = null) =>
        TypedResults.Ok(await queue.ListAsync(Caller.From(http.User), limit, cancellationToken));

    /// <summary>Claims the conversation that has waited longest: 409 <c>queue_empty</c> or <c>capacity_reached</c> when it cannot.</summary>
    public static async Task<Ok<ConversationWriteResponse>> ClaimNextAsync(ClaimRequest request, HttpContext http, QueueService queue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queue.ClaimNextAsync(Caller.From(http.User), request, cancellationToken));

    /// <summary>Claims one queued conversation: 409 <c>conversation_not_queued</c> when someone was faster.</summary>
    public static async Task<Ok<ConversationWriteResponse>> ClaimAsync(long id, ClaimRequest request, HttpContext http, QueueService queue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queue.ClaimAsync(Caller.From(http.User), id, request, cancellationToken));

    /// <summary>Hands a bot conversation to the humans (an external bot answering through the API uses this).</summary>
    public static async Task<Ok<ConversationWriteResponse>> HandoffAsync(long id, HandoffRequest request, HttpContext http, QueueService queue, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var mutationId = Core.Messages.MessageText.ValidateClientId(request.MutationId, "mutationId");
        return TypedResults.Ok(await queue.HandoffAsync(caller.WorkspaceId, id, request.Reason, caller.Actor, mutationId, cancellationToken));
    }
}
