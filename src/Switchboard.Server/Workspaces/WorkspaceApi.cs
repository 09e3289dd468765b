using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Workspaces;

public static class WorkspaceApi
{
    public const string UpdatedEvent = "workspace.updated";

    public static RouteGroupBuilder MapWorkspaceApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/workspace").WithTags("Workspace").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapGet("/", GetAsync);
        group.MapPatch("/", PatchAsync).RequireAuthorization(Policies.Admin);
        return group;
    }

    public static async Task<Ok<WorkspaceResponse>> GetAsync(HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        return TypedResults.Ok(await database.ReadAsync(async (c, tx) =>
        {
            var name = await c.QuerySingleAsync<string>("SELECT name FROM workspaces WHERE id = @WorkspaceId", new { caller.WorkspaceId }, tx);
            var settings = await WorkspaceStore.GetSettingsAsync(c, tx, caller.WorkspaceId);
            return new WorkspaceResponse(caller.WorkspaceId, name, WorkspaceSettingsDto.From(settings), await WorkspaceStore.CursorAsync(c, tx, caller.WorkspaceId));
        }, cancellationToken));
    }

    public static async Task<Ok<WriteResponse<WorkspaceResponse>>> PatchAsync(PatchWorkspaceRequest request, HttpContext http, EventLogWriter eventLog, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (request.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out _))
            throw new DomainException("time_zone_invalid", "timeZone must be an IANA time zone such as Europe/Berlin.", DomainErrorKind.Invalid);
        if (request.IdleTimeoutSeconds is < 60 or > 86_400)
            throw new DomainException("idle_timeout_invalid", "idleTimeoutSeconds must be 60 to 86400.", DomainErrorKind.Invalid);
        if (request.EventRetentionSeconds is < 3_600 or > 31_536_000)
            throw new DomainException("event_retention_invalid", "eventRetentionSeconds must be 3600 to 31536000.", DomainErrorKind.Invalid);
        if (request.AttachmentMaxBytes is < WorkspaceSettings.MinAttachmentMaxBytes or > WorkspaceSettings.MaxAttachmentMaxBytes)
            throw new DomainException("attachment_max_bytes_invalid",
                $"attachmentMaxBytes must be {WorkspaceSettings.MinAttachmentMaxBytes} to {WorkspaceSettings.MaxAttachmentMaxBytes}.", DomainErrorKind.Invalid);
        var name = request.Name?.Trim();
        if (name is { Length: 0 or > 100 }) throw new DomainException("name_invalid", "Name must be 1 to 100 characters.", DomainErrorKind.Invalid);

        return TypedResults.Ok(await eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var s = await WorkspaceStore.GetSettingsAsync(w);
            s = s with
            {
                TimeZone = request.TimeZone ?? s.TimeZone,
                ReleaseOnReply = request.ReleaseOnReply ?? s.ReleaseOnReply,
                ReopenTo = request.ReopenTo is null ? s.ReopenTo : EnumText.ParseInput<ReopenTarget>(request.ReopenTo, "reopenTo"),
                AssignmentPolicy = request.AssignmentPolicy is null ? s.AssignmentPolicy : EnumText.ParseInput<AssignmentPolicy>(request.AssignmentPolicy, "assignmentPolicy"),
                IdleTimeout = request.IdleTimeoutSeconds is { } idle ? TimeSpan.FromSeconds(idle) : s.IdleTimeout,
                EventRetention = request.EventRetentionSeconds is { } keep ? TimeSpan.FromSeconds(keep) : s.EventRetention,
                BotEnabled = request.BotEnabled ?? s.BotEnabled,
                CsatEnabled = request.CsatEnabled ?? s.CsatEnabled,
                AttachmentMaxBytes = request.AttachmentMaxBytes ?? s.AttachmentMaxBytes,
            };
            await WorkspaceStore.SaveSettingsAsync(w, s, name);
            var current = await w.QuerySingleAsync<string>("SELECT name FROM workspaces WHERE id = @WorkspaceId", new { w.WorkspaceId }, w.CancellationToken);
            var response = new WorkspaceResponse(w.WorkspaceId, current, WorkspaceSettingsDto.From(s), w.NextSeq);
            var seq = await w.AppendAsync(new EventDraft(UpdatedEvent, null, null, response, null, w.NextSeq, caller.Actor));
            return new WriteResponse<WorkspaceResponse>(response, seq);
        }, cancellationToken));
    }
}
