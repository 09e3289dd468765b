using Microsoft.Net.Http.Headers;
using Switchboard.Core;
using Switchboard.Server.Widget.Settings;

namespace Switchboard.Server.Widget.Cors;

/// <summary>
/// The per-request CORS decision for widget and visitor endpoints. The middleware decides when it knows the inbox
/// (from a visitor token or <c>?inboxToken=</c>); an endpoint that learns the inbox from its body (starting a session)
/// calls <see cref="Enforce"/>. The headers are written when the response starts, so they survive the exception
/// handler clearing a response to write a problem.
/// </summary>
public static class WidgetCors
{
    public const string OriginNotAllowed = "origin_not_allowed";
    const string DecisionKey = "Switchboard.WidgetCors";

    enum Decision { Pending, Allowed, Refused }

    sealed class State(string origin)
    {
        public string Origin { get; } = origin;
        public Decision Decision { get; set; }
    }

    /// <summary>Starts tracking a cross-origin request: its answer will carry CORS headers once decided.</summary>
    public static void Begin(HttpContext http, string origin)
    {
        var state = new State(origin);
        http.Items[DecisionKey] = state;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.Append(HeaderNames.Vary, HeaderNames.Origin);
            // Error answers carry no data, and the widget must be able to read them (a refusal, an expired session)
            // to tell the visitor something instead of hanging; successes only when the origin is allowed.
            if (state.Decision == Decision.Allowed || http.Response.StatusCode >= 400)
            {
                headers.AccessControlAllowOrigin = state.Origin;
                headers.AccessControlExposeHeaders = "ETag, Retry-After";
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>Lets the request through if <paramref name="inbox"/> allows its origin; else throws <c>403 origin_not_allowed</c>.</summary>
    public static void Enforce(HttpContext http, WidgetInbox inbox)
    {
        if (http.Items[DecisionKey] is not State state) return;
        var origin = OriginPattern.Parse(state.Origin);
        state.Decision = origin is { Wildcard: false } && inbox.Allows(origin) ? Decision.Allowed : Decision.Refused;
        if (state.Decision == Decision.Refused)
            throw new DomainException(OriginNotAllowed,
                $"This page's origin ({state.Origin}) may not use this inbox's widget. An admin can add it to the inbox's allowed origins.",
                DomainErrorKind.Forbidden);
    }

    /// <summary>Whether <paramref name="origin"/> is Switchboard's own (its demo page): always allowed, needs no CORS.</summary>
    public static bool IsOwnOrigin(HttpContext http, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        // The authority, not the scheme: behind a TLS-terminating proxy the request arrives as http for an https page.
        && string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
