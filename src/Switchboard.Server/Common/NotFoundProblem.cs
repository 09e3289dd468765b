using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Common;

public static class NotFoundProblem
{
    /// <summary>A 404 ProblemDetails. Another workspace's resources answer the same, so ids reveal nothing.</summary>
    public static ProblemHttpResult Of(string code, string detail) => TypedResults.Problem(Problems.Create(404, code, detail));
}
