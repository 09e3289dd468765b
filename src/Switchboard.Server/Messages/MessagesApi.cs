using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;
using Switchboard.Server.Throttling;

namespace Switchboard.Server.Messages;

/// <summary>
/// The messages of a conversation and the receipts on them. As for the conversation itself, a visitor reaches only
/// their own conversation (others answer 404) and never sees internal notes.
/// </summary>
public static class MessagesApi
{
    public static RouteGroupBuilder MapMessagesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/conversations/{id:long}").WithTags("Messages").ProducesProblems().RequireAuthorization(Policies.Participant);
        group.MapGet("/messages", ListAsync);
        group.MapPost("/messages", PostAsync).RequireRateLimiting(ThrottlingExtensions.Messages).ProducesProblem(429);
        group.MapPost("/receipts", PostReceiptAsync);
        return group;
    }

    public static async Task<Ok<MessagePageResponse>> ListAsync(
        long id, HttpContext http, MessageService messages, CancellationToken cancellationToken,
        long? before = null, long? after = null, int? limit = null) =>
        TypedResults.Ok(await messages.ListAsync(Caller.From(http.User), id, before, after, limit, cancellationToken));

    /// <summary>201 with the new message; 200 with the original when the <c>clientMessageId</c> was already stored.</summary>
    public static async Task<Results<Created<PostMessageResponse>, Ok<PostMessageResponse>>> PostAsync(
        long id, PostMessageRequest request, HttpContext http, MessageService messages, CancellationToken cancellationToken)
    {
        var result = await messages.PostAsync(MessagePost.From(Caller.From(http.User), id, request), cancellationToken);
        return result.Replayed
            ? TypedResults.Ok(result)
            : TypedResults.Created($"/api/v1/conversations/{id}/messages/{result.Message.Id}", result);
    }

    public static async Task<Ok<ConversationWriteResponse>> PostReceiptAsync(
        long id, ReceiptRequest request, HttpContext http, ReceiptService receipts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await receipts.ApplyAsync(Caller.From(http.User), id, request, cancellationToken));
}
