using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Stats;

public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/stats").WithTags("Stats").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapGet("/daily", DailyAsync);
        group.MapGet("/daily.csv", DailyCsvAsync);
        group.MapPost("/daily/{day}/close", CloseAsync).RequireAuthorization(Policies.Admin);
        return group;
    }

    /// <summary>Local days <c>from</c>..<c>to</c> (default: the last 7 days up to today); <c>memberId</c> narrows to one member.</summary>
    public static async Task<Ok<DailyStatsResponse>> DailyAsync(HttpContext http, StatsService stats, CancellationToken cancellationToken,
        string? from = null, string? to = null, long? memberId = null) =>
        TypedResults.Ok(await stats.DailyAsync(Caller.From(http.User), from, to, memberId, cancellationToken));

    public static async Task<FileContentHttpResult> DailyCsvAsync(HttpContext http, StatsService stats, CancellationToken cancellationToken,
        string? from = null, string? to = null, long? memberId = null)
    {
        var result = await stats.DailyAsync(Caller.From(http.User), from, to, memberId, cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(StatsCsv.Write(result.Items)), "text/csv; charset=utf-8",
            $"switchboard-daily-{result.From}-{result.To}.csv");
    }

    /// <summary>Closes (or closes again) an ended day: the same rows every time.</summary>
    public static async Task<Ok<CloseDayResponse>> CloseAsync(string day, HttpContext http, StatsService stats, CancellationToken cancellationToken)
    {
        if (!LocalDay.TryParse(day, out var date))
            throw new DomainException("day_invalid", "day must be a date such as 2025-03-30.", DomainErrorKind.Invalid);
        var rows = await stats.CloseDayAsync(Caller.From(http.User).WorkspaceId, date, cancellationToken);
        return TypedResults.Ok(new CloseDayResponse(day, rows));
    }
}
