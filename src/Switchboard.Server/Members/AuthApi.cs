using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core;
using Switchboard.Server.Errors;
using Switchboard.Server.Auth;
using Switchboard.Server.Throttling;

namespace Switchboard.Server.Members;

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/auth").WithTags("Auth").ProducesProblems();
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(ThrottlingExtensions.Login).ProducesProblem(429);
        group.MapPost("/logout", LogoutAsync).RequireAuthorization(Policies.Team);
        group.MapGet("/me", MeAsync).RequireAuthorization(Policies.Participant);
        return group;
    }

    public static async Task<Ok<LoginResponse>> LoginAsync(LoginRequest request, SessionService sessions, LoginThrottle throttle, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            throw new DomainException("credentials_missing", "Email and password are required.", DomainErrorKind.Invalid);
        var account = request.Email.Trim().ToLowerInvariant();
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        // Checked before the password, so a locked account gives a guesser nothing, not even a slower "wrong".
        if (throttle.TryBegin(account, address) is { } wait)
            throw new RateLimitedException(wait, "Too many wrong passwords: wait before trying again.");
        (string Token, MemberRow Member, DateTimeOffset ExpiresAt) signedIn;
        var outcome = LoginOutcome.Unknown;
        try
        {
            signedIn = await sessions.LoginAsync(request.Email, request.Password, cancellationToken);
            outcome = LoginOutcome.Succeeded;
        }
        catch (DomainException ex) when (ex.Code == ErrorCodes.InvalidCredentials)
        {
            outcome = LoginOutcome.Failed;
            throw;
        }
        finally
        {
            throttle.End(account, address, outcome);
        }
        var (token, member, expiresAt) = signedIn;
        // The dashboard authenticates by cookie: HttpOnly keeps it from scripts, SameSite=Strict from other sites' forms.
        http.Response.Cookies.Append(SwitchboardAuthHandler.CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Expires = expiresAt,
            Path = "/",
        });
        return TypedResults.Ok(new LoginResponse(token, expiresAt, member.ToResponse()));
    }

    public static async Task<NoContent> LogoutAsync(HttpContext http, SessionService sessions, CredentialWatch streams, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (caller.SessionTokenHash is { } hash)
        {
            await sessions.LogoutAsync(hash, cancellationToken);
            streams.RevokeSession(hash);
        }
        http.Response.Cookies.Delete(SwitchboardAuthHandler.CookieName, new CookieOptions { Path = "/" });
        return TypedResults.NoContent();
    }

    public static async Task<Ok<CurrentCallerResponse>> MeAsync(HttpContext http, MemberService members, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var member = caller.MemberId is { } id ? (await members.GetAsync(caller, id, cancellationToken)) : null;
        return TypedResults.Ok(new CurrentCallerResponse(
            caller.Kind.ToString().ToLowerInvariant() switch { "apikey" => "api_key", var k => k },
            caller.WorkspaceId, caller.Role, member, caller.ApiKeyId, caller.ContactId));
    }
}
