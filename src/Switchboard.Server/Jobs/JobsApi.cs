using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Jobs;

/// <summary>Admins see their workspace's jobs (dead ones first of all) and put dead jobs back in line.</summary>
public static class JobsApi
{
    public const int MaxLimit = 200;

    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/jobs").WithTags("Jobs").ProducesProblems().RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("/{id:long}/retry", RetryAsync);
        return group;
    }

    /// <summary>Newest first; <c>next</c> continues with older jobs.</summary>
    public static async Task<Ok<ItemsResponse<JobResponse>>> ListAsync(
        HttpContext http, JobStore store, CancellationToken cancellationToken, string? state = null, string? kind = null, int? limit = null, string? cursor = null)
    {
        var caller = Caller.From(http.User);
        JobState? filter = state is null ? null : EnumText.ParseInput<JobState>(state, "state");
        var take = limit ?? 50;
        if (take is < 1 or > MaxLimit) throw new DomainException("limit_invalid", $"limit must be 1 to {MaxLimit}.", DomainErrorKind.Invalid);
        long? before = cursor is null ? null
            : long.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var b) ? b
            : throw new DomainException("cursor_invalid", "The cursor is not one this server issued.", DomainErrorKind.Invalid);
        var rows = await store.ListAsync(caller.WorkspaceId, filter, kind, before, take + 1, cancellationToken);
        var page = rows.Take(take).Select(r => r.ToResponse()).ToList();
        var next = rows.Count > take ? page[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new ItemsResponse<JobResponse>(page, next));
    }

    public static async Task<Ok<JobResponse>> GetAsync(long id, HttpContext http, JobStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(Caller.From(http.User).WorkspaceId, id, cancellationToken) is { } job
            ? TypedResults.Ok(job.ToResponse())
            : throw new DomainException("job_not_found", "No such job.", DomainErrorKind.NotFound);

    /// <summary>A dead job runs again with a fresh attempt budget; any other state answers 409 <c>job_not_dead</c>.</summary>
    public static async Task<Ok<JobResponse>> RetryAsync(long id, HttpContext http, JobStore store, JobQueue queue, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var retried = await store.RetryDeadAsync(caller.WorkspaceId, id, clock.GetUtcNow(), cancellationToken);
        if (retried is null)
        {
            _ = await store.FindAsync(caller.WorkspaceId, id, cancellationToken)
                ?? throw new DomainException("job_not_found", "No such job.", DomainErrorKind.NotFound);
            throw new DomainException("job_not_dead", "Only a dead job can be retried; this one is still in line or has succeeded.");
        }
        queue.Notify();
        return TypedResults.Ok(retried.ToResponse());
    }
}
