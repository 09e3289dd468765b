using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Widget.Cors;

/// <summary>
/// CORS for the widget and visitor endpoints and streams, per inbox. A small middleware rather than ASP.NET Core's
/// CorsMiddleware with a custom ICorsPolicyProvider, because that middleware only adds or omits headers: it cannot
/// refuse a request from a disallowed origin before the endpoint acts (a cross-origin POST is sent without a
/// preflight when it looks "simple"), cannot answer the refusal as a readable problem, and does not cover the
/// WebSocket handshake, which browsers send with an Origin but without CORS. The inbox comes from the visitor token
/// (after authentication) or from <c>?inboxToken=</c>; the session endpoint decides from its body.
/// </summary>
public sealed class WidgetCorsMiddleware(RequestDelegate next, WidgetInboxCache inboxes, IOptions<WidgetOptions> options)
{
    static readonly PathString[] VisitorPaths = ["/api/v1/widget", "/api/v1/conversations", "/api/v1/events", "/api/v1/stream", "/api/v1/sync"];
    const string AllowedHeaders = "Authorization, Content-Type, Last-Event-ID, Idempotency-Key";
    const string AllowedMethods = "GET, POST, PUT, PATCH, OPTIONS";

    public Task InvokeAsync(HttpContext http)
    {
        // Every pass-through hands over without an async frame of this middleware's own: a stream's request lasts
        // hours, and such a frame would stay alive with it, once per open stream.
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || !VisitorPaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.Ordinal))
            || WidgetCors.IsOwnOrigin(http, origin))
            return next(http);
        if (HttpMethods.IsOptions(http.Request.Method) && http.Request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod))
        {
            AnswerPreflight(http, origin);
            return Task.CompletedTask;
        }
        var caller = http.User.FindFirst("sb:kind") is null ? null : Caller.From(http.User);
        // The dashboard's endpoints stay same-origin: a team caller from another origin gets no CORS headers.
        if (caller is { IsVisitor: false }) return next(http);
        WidgetCors.Begin(http, origin);
        return EnforceAsync(http, caller);
    }

    async Task EnforceAsync(HttpContext http, Caller? caller)
    {
        var token = http.Request.Query["inboxToken"].ToString();
        var inbox = caller?.InboxId is { } inboxId ? await inboxes.ByIdAsync(inboxId, http.RequestAborted)
            : token.Length is > 0 and <= 100 ? await inboxes.ByTokenAsync(token, http.RequestAborted) : null;
        if (inbox is not null)
        {
            try
            {
                WidgetCors.Enforce(http, inbox);
            }
            catch (DomainException refused)
            {
                await Problems.WriteAsync(http, StatusCodes.Status403Forbidden, refused.Code, refused.Message);
                return;
            }
        }
        await next(http);
    }

    /// <summary>
    /// A preflight carries no credentials and often no inbox token (it comes before <c>POST /widget/sessions</c> and before
    /// every bearer request), so it cannot be decided per inbox. It grants nothing by itself: the actual request is
    /// checked against the inbox and refused before it acts, so answering it for any origin is safe.
    /// </summary>
    void AnswerPreflight(HttpContext http, string origin)
    {
        var headers = http.Response.Headers;
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = AllowedMethods;
        headers.AccessControlAllowHeaders = AllowedHeaders;
        headers.AccessControlMaxAge = ((int)options.Value.PreflightMaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers.Append(HeaderNames.Vary, HeaderNames.Origin);
    }
}
