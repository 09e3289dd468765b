using Microsoft.AspNetCore.Mvc;

namespace Switchboard.Server.Errors;

/// <summary>Builds the ProblemDetails every non-2xx answer carries: a stable <c>code</c>, and <c>type</c> derived from it.</summary>
public static class Problems
{
    public static ProblemDetails Create(int status, string code, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = $"urn:switchboard:error:{code}",
            Title = TitleFor(status),
            Detail = detail,
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static async Task WriteAsync(HttpContext context, int status, string code, string detail,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = status;
        var problem = Create(status, code, detail);
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        if (await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
            return;
        // The writer declines when Accept leaves out JSON, as an EventSource's "text/event-stream" does. The
        // problem is the answer whatever was asked for: a stream client must still learn why it was refused.
        await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }

    static string TitleFor(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        412 => "Precondition failed",
        413 => "Payload too large",
        422 => "Unprocessable",
        429 => "Too many requests",
        503 => "Service unavailable",
        _ => "Error",
    };
}
