using Microsoft.AspNetCore.Mvc;

namespace Switchboard.Server.Errors;

/// <summary>
/// Declares the ProblemDetails answers of endpoints, so <c>/openapi/v1.json</c> lists them beside the success types.
/// Handlers report failures by throwing <see cref="Core.DomainException"/>; <see cref="ExceptionProblemHandler"/> maps
/// them, which leaves the handler's return type with only its successes: this is where the failures are written down.
/// </summary>
public static class ProblemAnswers
{
    /// <summary>What every API group can answer: bad input, not signed in, not allowed, not found, conflicting state.</summary>
    public static readonly int[] Common = [400, 401, 403, 404, 409];

    /// <summary>Adds <see cref="Common"/> and <paramref name="more"/> as <c>application/problem+json</c> answers.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] more) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in Common.Concat(more).Distinct())
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        return builder;
    }
}
