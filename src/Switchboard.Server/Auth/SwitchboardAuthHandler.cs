using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Auth;

/// <summary>
/// One scheme for every credential: <c>Authorization: Bearer</c> (session token, API key or visitor
/// session), the dashboard's session cookie, or <c>?access_token=</c> on the stream endpoints, where a
/// browser's EventSource and WebSocket cannot send headers.
/// </summary>
sealed class SwitchboardAuthHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    CredentialStore credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string CookieName = "sb_session";
    static readonly string[] QueryTokenPaths = ["/api/v1/stream", "/api/v1/events"];

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken();
        if (token is null) return AuthenticateResult.NoResult();
        var caller = await credentials.ResolveAsync(token, Context.RequestAborted);
        if (caller is null)
        {
            Context.Items[nameof(ErrorCodes.InvalidToken)] = true;
            return AuthenticateResult.Fail("The token is unknown, expired, revoked or forged.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(), Caller.Scheme));
    }

    string? ReadToken()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header[7..].Trim();
        if (Request.Cookies.TryGetValue(CookieName, out var cookie) && !string.IsNullOrEmpty(cookie)) return cookie;
        if (QueryTokenPaths.Any(p => Request.Path.StartsWithSegments(p, StringComparison.Ordinal))
            && Request.Query.TryGetValue("access_token", out var query) && !string.IsNullOrEmpty(query))
            return query.ToString();
        return null;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Context.Items.ContainsKey(nameof(ErrorCodes.InvalidToken))
            ? Problems.WriteAsync(Context, 401, ErrorCodes.InvalidToken, "The token is unknown, expired, revoked or forged.")
            : Problems.WriteAsync(Context, 401, ErrorCodes.Unauthenticated, "Sign in or send a bearer token.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, 403, ErrorCodes.Forbidden, "Your role may not do this.");
}
