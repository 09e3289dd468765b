using Switchboard.Server.Auth;

namespace Switchboard.Server.Presence;

/// <summary>Any authenticated request of a member counts as activity (throttled in <see cref="PresenceTracker"/>).</summary>
sealed class PresenceMiddleware(RequestDelegate next, IPresenceTracker tracker)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.FindFirst("sb:kind")?.Value == nameof(CallerKind.Member))
        {
            var caller = Caller.From(context.User);
            await tracker.TouchAsync(caller.WorkspaceId, caller.MemberId!.Value, context.RequestAborted);
        }
        await next(context);
    }
}
