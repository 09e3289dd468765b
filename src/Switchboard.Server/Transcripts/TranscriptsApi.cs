using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Switchboard.Server.Auth;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Transcripts;

/// <summary>
/// <c>GET /api/v1/conversations/{id}/transcript</c>: a conversation's whole transcript as a download, for the team
/// (visitors: 403). The options and the conversation are checked before the answer starts, so every refusal is a
/// normal problem answer; a failure after that aborts the response, so a partial file never looks complete.
/// </summary>
public static class TranscriptsApi
{
    public static RouteGroupBuilder MapTranscriptsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/conversations/{id:long}").WithTags("Transcripts").ProducesProblems()
            .RequireAuthorization(Policies.Team);
        group.MapGet("/transcript", ExportAsync).Produces(StatusCodes.Status200OK, contentType: "text/plain", additionalContentTypes: "application/json");
        return group;
    }

    public static async Task<EmptyHttpResult> ExportAsync(long id, HttpContext http, TranscriptService transcripts, CancellationToken cancellationToken,
        string? format = null, bool? notes = null, string? timeZone = null)
    {
        var request = TranscriptRequest.Parse(format, notes, timeZone);
        var head = await transcripts.OpenAsync(Caller.From(http.User), id, cancellationToken);

        var json = request.Format == TranscriptFormat.Json;
        var response = http.Response;
        response.ContentType = json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8";
        var name = $"conversation-{id}-{head.ExportedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{(json ? "json" : "txt")}";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = name }.ToString();
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";

        var messages = transcripts.MessagesAsync(head, request.WithNotes, cancellationToken);
        try
        {
            if (json) await TranscriptJson.WriteAsync(response.BodyWriter, head, messages, cancellationToken);
            else await TranscriptText.WriteAsync(response.Body, head, messages, request.TimeZone, cancellationToken);
        }
        catch (Exception) when (response.HasStarted)
        {
            http.Abort();
            throw;
        }
        return TypedResults.Empty;
    }
}
