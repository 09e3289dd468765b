using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Labels;

/// <summary>
/// Labels (issue 20): the workspace's set (the team reads it, admins change it), a conversation's labels (any team member),
/// and conversations per label. Visitors get 403 on every route: labels are team-only.
/// </summary>
public static class LabelsApi
{
    public static RouteGroupBuilder MapLabelsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/labels").WithTags("Labels").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        group.MapPatch("/{id:long}", UpdateAsync).RequireAuthorization(Policies.Admin);
        group.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(Policies.Admin);

        routes.MapGroup("/api/v1/conversations").WithTags("Labels").ProducesProblems().RequireAuthorization(Policies.Team)
            .MapPost("/{id:long}/labels", ChangeConversationLabelsAsync);
        var stats = routes.MapGroup("/api/v1/stats").WithTags("Stats").ProducesProblems().RequireAuthorization(Policies.Team);
        stats.MapGet("/labels", StatsAsync);
        stats.MapGet("/labels.csv", StatsCsvAsync);
        return group;
    }

    public static async Task<Ok<ItemsResponse<LabelResponse>>> ListAsync(HttpContext http, LabelService labels, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<LabelResponse>(await labels.ListAsync(Caller.From(http.User), cancellationToken), null));

    public static async Task<Created<WriteResponse<LabelResponse>>> CreateAsync(CreateLabelRequest request, HttpContext http, LabelService labels,
        CancellationToken cancellationToken)
    {
        var (label, seq) = await labels.CreateAsync(Caller.From(http.User), request, cancellationToken);
        return TypedResults.Created($"/api/v1/labels/{label.Id}", new WriteResponse<LabelResponse>(label, seq));
    }

    public static async Task<Ok<WriteResponse<LabelResponse>>> UpdateAsync(long id, UpdateLabelRequest request, HttpContext http, LabelService labels,
        CancellationToken cancellationToken)
    {
        var (label, seq) = await labels.UpdateAsync(Caller.From(http.User), id, request, cancellationToken);
        return TypedResults.Ok(new WriteResponse<LabelResponse>(label, seq));
    }

    /// <summary>A DELETE has no body: its idempotency key, if any, is the <c>mutationId</c> query parameter.</summary>
    public static async Task<Ok<LabelDeletedResponse>> DeleteAsync(long id, HttpContext http, LabelService labels, CancellationToken cancellationToken,
        string? mutationId = null) =>
        TypedResults.Ok(await labels.DeleteAsync(Caller.From(http.User), id, mutationId, cancellationToken));

    public static async Task<Ok<ConversationWriteResponse>> ChangeConversationLabelsAsync(long id, ConversationLabelsRequest request, HttpContext http,
        ConversationLabelService conversationLabels, CancellationToken cancellationToken)
    {
        var result = await conversationLabels.ChangeAsync(Caller.From(http.User), id, request, cancellationToken);
        http.Response.Headers.ETag = $"\"{result.Conversation.Version}\"";
        return TypedResults.Ok(result);
    }

    public static async Task<Ok<LabelStatsResponse>> StatsAsync(HttpContext http, LabelStatsService stats, CancellationToken cancellationToken,
        string? from = null, string? to = null) =>
        TypedResults.Ok(await stats.ForPeriodAsync(Caller.From(http.User), from, to, cancellationToken));

    public static async Task<FileContentHttpResult> StatsCsvAsync(HttpContext http, LabelStatsService stats, CancellationToken cancellationToken,
        string? from = null, string? to = null)
    {
        var result = await stats.ForPeriodAsync(Caller.From(http.User), from, to, cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(LabelStatsCsv.Write(result)), "text/csv; charset=utf-8",
            $"switchboard-labels-{result.From}-{result.To}.csv");
    }
}
