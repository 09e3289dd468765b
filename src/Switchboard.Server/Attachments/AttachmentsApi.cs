using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Server.Auth;
using Switchboard.Server.Errors;
using Switchboard.Server.Throttling;

namespace Switchboard.Server.Attachments;

/// <summary>
/// Uploading a file into a conversation, a signed link to it, and the content behind the link (docs/api.md §
/// Attachments). The content endpoint is anonymous so an <c>&lt;img src&gt;</c> works: the link's signature is the authority.
/// </summary>
public static class AttachmentsApi
{
    public static RouteGroupBuilder MapAttachmentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/conversations/{id:long}/attachments").WithTags("Attachments").ProducesProblems().RequireAuthorization(Policies.Participant);
        // The body is the file: the workspace's limit is enforced while it streams (not the JSON bodies' 64 KB), and it is
        // never read as text (RawTextBody: the name's rules are checked here).
        group.MapPut("/{clientAttachmentId}", UploadAsync).WithMetadata(new RequestBodyLimit(long.MaxValue), new RawTextBody()).ProducesProblems(413, 415)
            .RequireRateLimiting(ThrottlingExtensions.Uploads).ProducesProblem(429);
        group.MapGet("/{attachmentId:long}/link", LinkAsync);

        routes.MapGroup("/api/v1/attachments").WithTags("Attachments").ProducesProblems().AllowAnonymous()
            .MapGet("/{id:long}/content", ContentAsync);
        return group;
    }

    /// <summary>201 with the new attachment; 200 with the stored one when the same file was uploaded under this id before.</summary>
    public static async Task<Results<Created<AttachmentResponse>, Ok<AttachmentResponse>, ProblemHttpResult>> UploadAsync(
        long id, string clientAttachmentId, string? name, HttpContext http, AttachmentService attachments, ILogger<AttachmentService> logger,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        try
        {
            var (row, replayed) = await attachments.UploadAsync(caller, id, clientAttachmentId, http.Request.Body, http.Request.ContentLength, name, cancellationToken);
            return replayed
                ? TypedResults.Ok(row.ToResponse())
                : TypedResults.Created($"/api/v1/conversations/{id}/attachments/{row.Id}", row.ToResponse());
        }
        catch (IOException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-upload (its temp file is already gone): normal, not a server error.
            throw new OperationCanceledException(http.RequestAborted);
        }
        catch (AttachmentRejectedException rejected)
        {
            AttachmentsLog.UploadRefused(logger, caller.WorkspaceId, rejected.Code);
            return TypedResults.Problem(Problems.Create(rejected.Status, rejected.Code, rejected.Message));
        }
    }

    public static async Task<Ok<AttachmentLinkResponse>> LinkAsync(long id, long attachmentId, HttpContext http, AttachmentService attachments,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await attachments.LinkAsync(Caller.From(http.User), id, attachmentId, cancellationToken));

    /// <summary>
    /// Streams the bytes with headers that keep them inert in any origin: nosniff, a sandboxing CSP, inline only for the
    /// raster images (everything else downloads), CORP cross-origin (the widget shows them on the customer's site), a
    /// private cache no longer than the link lives, and no referrer.
    /// </summary>
    public static async Task ContentAsync(long id, HttpContext http, AttachmentService attachments, CancellationToken cancellationToken,
        [FromQuery(Name = "v")] string? variant = null, long? exp = null, string? sig = null)
    {
        var content = await attachments.OpenContentAsync(id, variant, exp, sig, cancellationToken);
        await using var stream = content.Stream;
        var headers = http.Response.Headers;
        headers.ContentType = content.ContentType;
        headers.ContentDisposition = $"{(content.Inline ? "inline" : "attachment")}; filename*=UTF-8''{Uri.EscapeDataString(content.FileName)}";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"private, max-age={content.SecondsLeft}");
        headers["Referrer-Policy"] = "no-referrer";
        if (stream.CanSeek) http.Response.ContentLength = stream.Length;
        await stream.CopyToAsync(http.Response.Body, cancellationToken);
    }
}
