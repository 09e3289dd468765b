using Microsoft.AspNetCore.Diagnostics;
using Switchboard.Core;

namespace Switchboard.Server.Errors;

/// <summary>
/// Maps known failures onto ProblemDetails: domain refusals by their kind, malformed requests
/// (bad JSON, wrong types, oversized bodies) to 400/413. Anything else is a 500 with no internals.
/// </summary>
sealed class ExceptionProblemHandler(ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case DomainException domain:
                await Problems.WriteAsync(context, StatusFor(domain.Kind), domain.Code, domain.Message, domain.Details);
                return true;
            case Throttling.RateLimitedException limited:
                await Throttling.ThrottlingExtensions.WriteAsync(context, limited.RetryAfter);
                return true;
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                await Problems.WriteAsync(context, 413, ErrorCodes.BodyTooLarge, "The request body is too large.");
                return true;
            case BadHttpRequestException bad:
                await Problems.WriteAsync(context, 400, ErrorCodes.InvalidRequest, Describe(bad));
                return true;
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return true;
            case var outage when DatabaseOutage.Is(outage):
                // Nothing was acknowledged: a write that failed here rolled back, so retrying it is safe (and idempotent).
                ErrorLog.DatabaseUnavailable(logger, exception.GetType().Name);
                context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.WriteAsync(context, 503, ErrorCodes.DatabaseUnavailable, "The database is unavailable for a moment. Retry after the time in Retry-After.");
                return true;
            default:
                ErrorLog.Unhandled(logger, exception.GetType().Name, exception);
                await Problems.WriteAsync(context, 500, ErrorCodes.Internal, "Something went wrong on our side.");
                return true;
        }
    }

    static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not valid JSON for this endpoint{(json.Path is { } path ? $" (at {path})" : "")}."
            : bad.Message;

    public static int StatusFor(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.Invalid => 400,
        DomainErrorKind.NotFound => 404,
        DomainErrorKind.Forbidden => 403,
        DomainErrorKind.Unauthorized => 401,
        DomainErrorKind.PreconditionFailed => 412,
        _ => 409,
    };
}
