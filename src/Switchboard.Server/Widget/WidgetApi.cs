using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Widget;

/// <summary>
/// The widget's public entry points. After a session exists the visitor uses the shared conversation
/// endpoints, which let them see only their own conversation.
/// </summary>
public static class WidgetApi
{
    public static RouteGroupBuilder MapWidgetApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/widget").WithTags("Widget").ProducesProblems();
        group.MapPost("/sessions", StartSessionAsync).AllowAnonymous();
        group.MapPost("/conversation", GetOrStartConversationAsync).RequireAuthorization(Policies.Visitor);
        return group;
    }

    public static async Task<Ok<WidgetSessionResponse>> StartSessionAsync(CreateWidgetSessionRequest request, HttpContext http, WidgetService widget, CancellationToken cancellationToken)
    {
        // A still-valid visitor token resumes the same contact; anything else starts a new one.
        var auth = await http.AuthenticateAsync(Caller.Scheme);
        var resumed = auth.Succeeded ? Caller.From(auth.Principal) : null;
        return TypedResults.Ok(await widget.StartSessionAsync(request, resumed, cancellationToken));
    }

    public static async Task<Ok<ConversationWriteResponse>> GetOrStartConversationAsync(HttpContext http, WidgetService widget, CancellationToken cancellationToken) =>
        TypedResults.Ok(await widget.GetOrStartConversationAsync(Caller.From(http.User), cancellationToken));
}
