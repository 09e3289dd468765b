using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Widget.Settings;

/// <summary>An admin's settings of a widget inbox: look, texts, allowed origins, identity verification, business hours.</summary>
public static class WidgetSettingsApi
{
    public static RouteGroupBuilder MapWidgetSettingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/inboxes/{id:long}").WithTags("Inboxes").ProducesProblems().RequireAuthorization(Policies.Admin);
        group.MapGet("/widget", GetAsync);
        group.MapPut("/widget", PutAsync);
        group.MapPost("/identity-secret", RotateSecretAsync);
        return group;
    }

    public static async Task<Ok<WidgetSettings>> GetAsync(long id, HttpContext http, WidgetSettingsService settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.GetAsync(Caller.From(http.User), id, cancellationToken));

    /// <summary>Replaces the settings whole; the answer is what was stored (normalized), its <c>inbox.updated</c> event already appended.</summary>
    public static async Task<Ok<WidgetSettings>> PutAsync(long id, WidgetSettings request, HttpContext http, WidgetSettingsService settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.PutAsync(Caller.From(http.User), id, request, cancellationToken));

    /// <summary>A new identity-verification secret, shown this once; the previous one stops verifying at once.</summary>
    public static async Task<Ok<IdentitySecretResponse>> RotateSecretAsync(long id, HttpContext http, WidgetSettingsService settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await settings.RotateSecretAsync(Caller.From(http.User), id, cancellationToken));
}
