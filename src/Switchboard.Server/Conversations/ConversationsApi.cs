using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Conversations;

/// <summary>
/// Conversations and their messages. The team sees the workspace's conversations; a visitor sees only
/// their own (others answer 404), without internal notes or team-only fields, and may not PATCH.
/// </summary>
public static class ConversationsApi
{
    public static RouteGroupBuilder MapConversationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/conversations").WithTags("Conversations").RequireAuthorization(Policies.Participant);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPatch("/{id:long}", PatchAsync).RequireAuthorization(Policies.Team);
        group.MapGet("/{id:long}/messages", ListMessagesAsync);
        group.MapPost("/{id:long}/messages", PostMessageAsync);
        group.MapPost("/{id:long}/receipts", PostReceiptAsync);
        return group;
    }

    public static async Task<Ok<ItemsResponse<ConversationResponse>>> ListAsync(
        HttpContext http, ConversationService conversations, CancellationToken cancellationToken,
        string? state = null, string? assignee = null, long? inboxId = null, bool? botActive = null,
        DateTimeOffset? updatedSince = null, string? q = null, int? limit = null, string? cursor = null) =>
        TypedResults.Ok(await conversations.ListAsync(Caller.From(http.User),
            new ConversationListQuery(state, assignee, inboxId, botActive, updatedSince, q, limit, cursor), cancellationToken));

    public static async Task<Ok<ConversationResponse>> GetAsync(long id, HttpContext http, ConversationService conversations, CancellationToken cancellationToken)
    {
        var conversation = await conversations.GetAsync(Caller.From(http.User), id, cancellationToken);
        http.Response.Headers.ETag = $"\"{conversation.Version}\"";
        return TypedResults.Ok(conversation);
    }

    public static async Task<Ok<ConversationWriteResponse>> PatchAsync(
        long id, PatchConversationRequest request, HttpContext http, ConversationService conversations, CancellationToken cancellationToken)
    {
        var result = await conversations.PatchAsync(Caller.From(http.User), id, request, ReadIfMatch(http), cancellationToken);
        http.Response.Headers.ETag = $"\"{result.Conversation.Version}\"";
        return TypedResults.Ok(result);
    }

    public static async Task<Ok<MessagePageResponse>> ListMessagesAsync(
        long id, HttpContext http, MessageService messages, CancellationToken cancellationToken,
        long? before = null, long? after = null, int? limit = null) =>
        TypedResults.Ok(await messages.ListAsync(Caller.From(http.User), id, before, after, limit, cancellationToken));

    /// <summary>201 with the new message; 200 with the original when the <c>clientMessageId</c> was already stored.</summary>
    public static async Task<Results<Created<PostMessageResponse>, Ok<PostMessageResponse>>> PostMessageAsync(
        long id, PostMessageRequest request, HttpContext http, MessageService messages, CancellationToken cancellationToken)
    {
        var result = await messages.PostAsync(Caller.From(http.User), id, request, cancellationToken);
        return result.Replayed
            ? TypedResults.Ok(result)
            : TypedResults.Created($"/api/v1/conversations/{id}/messages/{result.Message.Id}", result);
    }

    public static async Task<Ok<ConversationWriteResponse>> PostReceiptAsync(
        long id, ReceiptRequest request, HttpContext http, ReceiptService receipts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await receipts.ApplyAsync(Caller.From(http.User), id, request, cancellationToken));

    /// <summary>Reads <c>If-Match</c> as a conversation version: <c>"7"</c>, <c>W/"7"</c> or <c>7</c>.</summary>
    static long? ReadIfMatch(HttpContext http)
    {
        var raw = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var text = raw.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new DomainException("if_match_invalid", "If-Match must be a conversation version such as \"7\".", DomainErrorKind.Invalid);
    }
}
