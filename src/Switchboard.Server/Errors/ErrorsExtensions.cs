using Microsoft.AspNetCore.Http.Json;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Errors;

public static class ErrorsExtensions
{
    public static WebApplicationBuilder AddErrors(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Answers the framework writes itself (unknown route, wrong method) get a code too.
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
                ctx.ProblemDetails.Extensions["code"] = ctx.ProblemDetails.Status switch
                {
                    401 => ErrorCodes.Unauthenticated,
                    403 => ErrorCodes.Forbidden,
                    404 => ErrorCodes.NotFound,
                    405 => "method_not_allowed",
                    415 => "unsupported_media_type",
                    _ => ErrorCodes.InvalidRequest,
                };
        });
        builder.Services.AddExceptionHandler<ExceptionProblemHandler>();
        // Malformed bodies throw, so the exception handler answers them with ProblemDetails and a code.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o => JsonDefaults.Configure(o.SerializerOptions));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = BodySizeLimitMiddleware.MaxBytes);
        return builder;
    }

    public static WebApplication UseErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseMiddleware<TextGuardMiddleware>();
        return app;
    }
}
