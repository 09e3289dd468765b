using Switchboard.Core.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Errors;
using Switchboard.Server.Throttling;

namespace Switchboard.Server.Realtime;

/// <summary>
/// Typing over HTTP (docs/protocol.md), for clients whose stream cannot carry a frame back (SSE, long-poll):
/// the same ephemeral <c>typing</c> signal a WebSocket <c>typing</c> frame publishes, to the same viewers, with
/// the same rate budget. Typing beyond the rate is refused with 429 and <c>Retry-After</c> (on the socket, which has no
/// answer to give, it is dropped).
/// </summary>
public static class TypingApi
{
    public static RouteGroupBuilder MapTypingApi(this IEndpointRouteBuilder routes)
    {
        var limits = new TypingRateLimits(
            routes.ServiceProvider.GetRequiredService<TimeProvider>(), routes.ServiceProvider.GetRequiredService<IOptions<RealtimeOptions>>().Value);
        var group = routes.MapGroup("/api/v1/conversations").WithTags("Realtime").ProducesProblems().RequireAuthorization(Policies.Participant);
        // {id}, as on every conversation route, so the authorization matrix and OpenAPI name it alike.
        group.MapPost("/{id:long}/typing",
            (long id, TypingRequest? request, HttpContext http, IConversationContacts conversations, IEphemeralPublisher publisher, RealtimeMetrics metrics, CancellationToken cancellationToken) =>
                TypingAsync(id, request, Caller.From(http.User), conversations, publisher, limits, metrics, cancellationToken));
        return group;
    }

    /// <summary>Publishes <c>typing</c> (start or stop) in a conversation the caller takes part in.</summary>
    public static async Task<NoContent> TypingAsync(
        long conversationId, TypingRequest? request, Caller caller, IConversationContacts conversations, IEphemeralPublisher publisher,
        TypingRateLimits limits, RealtimeMetrics metrics, CancellationToken cancellationToken)
    {
        var state = request?.State;
        if (state is not (null or "start" or "stop"))
            throw new DomainException("typing_state_invalid", "state must be start or stop.", DomainErrorKind.Invalid);
        if (!limits.TryTake(caller, out var retryAfter))
        {
            metrics.SignalDropped("rate_limited");
            throw new RateLimitedException(retryAfter, "Typing is sent too often: keep to the budget in docs/protocol.md.");
        }
        var parties = await conversations.PartiesAsync(caller.WorkspaceId, conversationId, cancellationToken);
        // A visitor may only type in their own conversation, an operator only in their teams' scope; others answer as if it did not exist.
        if (parties is null || (caller.IsVisitor && caller.ContactId != parties.ContactId) || !TeamVisibility.Sees(caller.TeamIds, parties.InboxTeamId))
            throw new DomainException("conversation_not_found", "No such conversation.", DomainErrorKind.NotFound);
        publisher.PublishEphemeral(EphemeralSignals.TypingIn(caller.WorkspaceId, conversationId, parties.ContactId, parties.InboxId, caller.Actor, state != "stop"));
        return TypedResults.NoContent();
    }
}
