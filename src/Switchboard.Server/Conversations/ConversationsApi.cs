using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Conversations;

/// <summary>
/// Conversations (their messages: <see cref="Messages.MessagesApi"/>). The team sees the workspace's conversations; a visitor sees only
/// their own (others answer 404), without internal notes or team-only fields, and may not PATCH.
/// </summary>
public static class ConversationsApi
{
    public static RouteGroupBuilder MapConversationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/conversations").WithTags("Conversations").ProducesProblems().RequireAuthorization(Policies.Participant);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPatch("/{id:long}", PatchAsync).RequireAuthorization(Policies.Team).ProducesProblem(412);
        return group;
    }

    public static async Task<Ok<ItemsResponse<ConversationResponse>>> ListAsync(
        HttpContext http, ConversationService conversations, CancellationToken cancellationToken,
        string? state = null, string? assignee = null, long? inboxId = null, bool? botActive = null,
        DateTimeOffset? updatedSince = null, string? q = null, int? limit = null, string? cursor = null, string? snoozed = null, long? labelId = null,
        long? contactId = null) =>
        TypedResults.Ok(await conversations.ListAsync(Caller.From(http.User),
            new ConversationListQuery(state, assignee, inboxId, botActive, updatedSince, q, limit, cursor, snoozed) { LabelId = labelId, ContactId = contactId }, cancellationToken));

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
