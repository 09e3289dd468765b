using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;
using Switchboard.Server.Widget.Availability;
using Switchboard.Server.Widget.Cors;
using Switchboard.Server.Throttling;

namespace Switchboard.Server.Widget;

/// <summary>
/// The widget's public entry points. After a session exists the visitor uses the shared conversation
/// endpoints, which let them see only their own conversation. All of them answer CORS for the inbox's allowed
/// origins (<see cref="WidgetCorsMiddleware"/>).
/// </summary>
public static class WidgetApi
{
    public static RouteGroupBuilder MapWidgetApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/widget").WithTags("Widget").ProducesProblems();
        group.MapGet("/config", GetConfigAsync).AllowAnonymous();
        group.MapPost("/sessions", StartSessionAsync).AllowAnonymous().RequireRateLimiting(ThrottlingExtensions.WidgetSessions).ProducesProblem(429);
        group.MapPost("/conversation", GetOrStartConversationAsync).RequireAuthorization(Policies.Visitor);
        group.MapPost("/identify", IdentifyAsync).RequireAuthorization(Policies.Visitor);
        group.MapPut("/attributes", SetAttributesAsync).RequireAuthorization(Policies.Visitor);
        group.MapPut("/email", LeaveEmailAsync).RequireAuthorization(Policies.Visitor);
        group.MapPut("/page", ReportPageAsync).RequireAuthorization(Policies.Visitor).RequireRateLimiting(ThrottlingExtensions.WidgetPages).ProducesProblem(429);
        return group;
    }

    /// <summary>The inbox's public configuration and availability; the widget reads it when its panel opens and when its stream (re)connects.</summary>
    public static async Task<Ok<WidgetConfigResponse>> GetConfigAsync(string? inboxToken, WidgetService widget, WidgetAvailability availability, Storage.Database database,
        CancellationToken cancellationToken)
    {
        var inbox = await widget.InboxAsync(inboxToken, cancellationToken);
        var settings = await database.ReadAsync((c, tx) => Workspaces.WorkspaceStore.GetSettingsAsync(c, tx, inbox.WorkspaceId), cancellationToken);
        return TypedResults.Ok(WidgetConfigResponse.From(inbox, await availability.ForAsync(inbox, cancellationToken), settings.AttachmentMaxBytes));
    }

    public static async Task<Ok<WidgetSessionResponse>> StartSessionAsync(CreateWidgetSessionRequest request, HttpContext http, WidgetService widget, CancellationToken cancellationToken)
    {
        var inbox = await widget.InboxAsync(request.InboxToken, cancellationToken);
        // The inbox is in the body, which the CORS middleware does not read: the origin is checked here, before anything is written.
        WidgetCors.Enforce(http, inbox);
        // A still-valid visitor token resumes the same contact; anything else starts a new one.
        var auth = await http.AuthenticateAsync(Caller.Scheme);
        var resumed = auth.Succeeded ? Caller.From(auth.Principal) : null;
        return TypedResults.Ok(await widget.StartSessionAsync(inbox, request, resumed, cancellationToken));
    }

    public static async Task<Ok<ConversationWriteResponse>> GetOrStartConversationAsync(HttpContext http, WidgetService widget, CancellationToken cancellationToken) =>
        TypedResults.Ok(await widget.GetOrStartConversationAsync(Caller.From(http.User), cancellationToken));

    /// <summary>Identify after the fact: a new session for the verified contact (the visitor's conversation moves along when that contact has none).</summary>
    public static async Task<Ok<WidgetSessionResponse>> IdentifyAsync(IdentifyRequest request, HttpContext http, WidgetService widget, CancellationToken cancellationToken) =>
        TypedResults.Ok(await widget.IdentifyAsync(Caller.From(http.User), request.Identity, cancellationToken));

    public static async Task<NoContent> SetAttributesAsync(SetAttributesRequest request, HttpContext http, WidgetContactService contacts, CancellationToken cancellationToken)
    {
        await contacts.SetAttributesAsync(Caller.From(http.User), request.Attributes, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> LeaveEmailAsync(LeaveEmailRequest request, HttpContext http, WidgetContactService contacts, CancellationToken cancellationToken)
    {
        await contacts.LeaveEmailAsync(Caller.From(http.User), request.Email, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The page the widget runs on (on start and on every navigation): the team's panel shows it live. The same page again writes nothing.</summary>
    public static async Task<Ok<Contacts.PageReportResponse>> ReportPageAsync(Contacts.ReportPageRequest request, HttpContext http, Contacts.ContactService contacts,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new Contacts.PageReportResponse(await contacts.ReportPageAsync(Caller.From(http.User), request, cancellationToken)));
}
