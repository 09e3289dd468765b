using Switchboard.Server.Auth;
using Switchboard.Server.Realtime;

namespace Switchboard.Server.Presence;

/// <summary>
/// A member's successful request counts as activity (throttled in <see cref="PresenceTracker"/>). A refused
/// request (4xx/5xx) records nothing: bad input changes nothing, not even presence.
/// </summary>
sealed class PresenceMiddleware(RequestDelegate next, IPresenceTracker tracker)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.FindFirst("sb:kind")?.Value == nameof(CallerKind.Member))
        {
            var caller = Caller.From(context.User);
            // When the status is known but before the client sees the answer: the presence change is committed
            // before the response, so whatever the client reads next already includes it.
            context.Response.OnStarting(() => context.Response.StatusCode < 400
                ? tracker.TouchAsync(caller.WorkspaceId, caller.MemberId!.Value, CancellationToken.None)
                : Task.CompletedTask);
        }
        return next(context);
    }
}
