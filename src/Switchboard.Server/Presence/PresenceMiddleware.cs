using Switchboard.Server.Auth;

namespace Switchboard.Server.Presence;

/// <summary>
/// A member's successful request counts as activity (throttled in <see cref="PresenceTracker"/>). A refused
/// request (4xx/5xx) records nothing: bad input changes nothing, not even presence.
/// </summary>
sealed class PresenceMiddleware(RequestDelegate next, IPresenceTracker tracker)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode < 400 && context.User.FindFirst("sb:kind")?.Value == nameof(CallerKind.Member))
        {
            var caller = Caller.From(context.User);
            // After the response: a streaming request (SSE, WebSocket) ends here, so it is touched by the tracker's
            // connection hooks instead; CancellationToken.None because the client may be gone already.
            await tracker.TouchAsync(caller.WorkspaceId, caller.MemberId!.Value, CancellationToken.None);
        }
    }
}
