using Microsoft.AspNetCore.Authentication;

namespace Switchboard.Server.Auth;

public static class AuthExtensions
{
    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CredentialStore>();
        builder.Services.AddOptions<AuthOptions>().BindConfiguration("Auth")
            .Validate(o => o.IsValid(), "Auth options are out of range (see AuthOptions).").ValidateOnStart();
        builder.Services.AddSingleton<CredentialWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CredentialWatch>());
        builder.Services.AddAuthentication(Caller.Scheme)
            .AddScheme<AuthenticationSchemeOptions, SwitchboardAuthHandler>(Caller.Scheme, _ => { });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Team, p => p.RequireClaim("sb:kind", nameof(CallerKind.Member), nameof(CallerKind.ApiKey)).RequireRole(Roles.Admin, Roles.Operator))
            .AddPolicy(Policies.Responder, p => p.RequireClaim("sb:kind", nameof(CallerKind.Member), nameof(CallerKind.ApiKey)))
            .AddPolicy(Policies.Admin, p => p.RequireClaim("sb:kind", nameof(CallerKind.Member), nameof(CallerKind.ApiKey)).RequireRole(Roles.Admin))
            .AddPolicy(Policies.Visitor, p => p.RequireClaim("sb:kind", nameof(CallerKind.Visitor)))
            .AddPolicy(Policies.Participant, p => p.RequireClaim("sb:kind"));
        return builder;
    }
}
