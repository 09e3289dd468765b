using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Csat;

/// <summary>
/// The visitor's rating of their own conversation, and the team's satisfaction statistics (JSON and CSV). A rating
/// request is never made by hand: resolving asks (<see cref="CsatHook"/>).
/// </summary>
public static class CsatApi
{
    public static RouteGroupBuilder MapCsatApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Csat").ProducesProblems();
        group.MapPost("/conversations/{id:long}/csat", SubmitAsync).RequireAuthorization(Policies.Visitor);
        group.MapGet("/stats/csat", StatsAsync).RequireAuthorization(Policies.Team);
        group.MapGet("/stats/csat.csv", StatsCsvAsync).RequireAuthorization(Policies.Team);
        return group;
    }

    public static async Task<Ok<CsatWriteResponse>> SubmitAsync(long id, SubmitCsatRequest request, HttpContext http, CsatService csat,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await csat.SubmitAsync(Caller.From(http.User), id, request, cancellationToken));

    /// <summary>Ratings given on local days <c>from</c>..<c>to</c> (default: the last 7 days up to today).</summary>
    public static async Task<Ok<CsatStatsResponse>> StatsAsync(HttpContext http, CsatStatsService stats, CancellationToken cancellationToken,
        string? from = null, string? to = null) =>
        TypedResults.Ok(await stats.ForPeriodAsync(Caller.From(http.User), from, to, cancellationToken));

    public static async Task<FileContentHttpResult> StatsCsvAsync(HttpContext http, CsatStatsService stats, CancellationToken cancellationToken,
        string? from = null, string? to = null)
    {
        var result = await stats.ForPeriodAsync(Caller.From(http.User), from, to, cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(CsatStatsCsv.Write(result)), "text/csv; charset=utf-8", $"switchboard-csat-{result.From}-{result.To}.csv");
    }
}
