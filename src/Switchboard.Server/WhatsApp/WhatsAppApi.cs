using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;
using Switchboard.Server.Messages;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// WhatsApp inboxes (admin), the per-inbox webhook Meta calls (anonymous: the verify token and the body signature
/// are the authentication), and template sends in a WhatsApp conversation (team).
/// </summary>
public static class WhatsAppApi
{
    public static string WebhookPath(long inboxId) => $"/api/v1/whatsapp/{inboxId}/webhook";

    public static RouteGroupBuilder MapWhatsAppApi(this IEndpointRouteBuilder routes)
    {
        var maxBytes = routes.ServiceProvider.GetRequiredService<IOptions<WhatsAppOptions>>().Value.MaxWebhookBytes;
        var group = routes.MapGroup("/api/v1/whatsapp").WithTags("WhatsApp").ProducesProblems();
        var inboxes = group.MapGroup("/inboxes").RequireAuthorization(Policies.Admin);
        inboxes.MapGet("/", ListInboxesAsync);
        inboxes.MapPost("/", CreateInboxAsync);
        inboxes.MapGet("/{id:long}", GetInboxAsync);
        inboxes.MapPatch("/{id:long}", UpdateInboxAsync);
        group.MapGet("/{id:long}/webhook", VerifyWebhookAsync).AllowAnonymous();
        group.MapPost("/{id:long}/webhook", ReceiveWebhookAsync).AllowAnonymous().ProducesProblem(413).WithMetadata(new RequestBodyLimit(maxBytes), new RawTextBody());
        routes.MapGroup("/api/v1/conversations").WithTags("WhatsApp").ProducesProblems().RequireAuthorization(Policies.Team)
            .MapPost("/{id:long}/whatsapp/template", SendTemplateAsync);
        return group;
    }

    public static async Task<Ok<ItemsResponse<WhatsAppInboxResponse>>> ListInboxesAsync(HttpContext http, WhatsAppInboxService inboxes, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<WhatsAppInboxResponse>(await inboxes.ListAsync(Caller.From(http.User), cancellationToken), null));

    public static async Task<Ok<WhatsAppInboxResponse>> GetInboxAsync(long id, HttpContext http, WhatsAppInboxService inboxes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await inboxes.GetAsync(Caller.From(http.User), id, cancellationToken));

    public static async Task<Created<WhatsAppInboxResponse>> CreateInboxAsync(
        CreateWhatsAppInboxRequest request, HttpContext http, WhatsAppInboxService inboxes, CancellationToken cancellationToken)
    {
        var inbox = await inboxes.CreateAsync(Caller.From(http.User), request, cancellationToken);
        return TypedResults.Created($"/api/v1/whatsapp/inboxes/{inbox.Id}", inbox);
    }

    public static async Task<Ok<WhatsAppInboxResponse>> UpdateInboxAsync(
        long id, UpdateWhatsAppInboxRequest request, HttpContext http, WhatsAppInboxService inboxes, CancellationToken cancellationToken) =>
        TypedResults.Ok(await inboxes.UpdateAsync(Caller.From(http.User), id, request, cancellationToken));

    /// <summary>Meta's handshake: 200 with <c>hub.challenge</c> as text/plain for the right verify token, 403 otherwise.</summary>
    public static async Task<ContentHttpResult> VerifyWebhookAsync(
        long id, WhatsAppWebhookReceiver receiver, CancellationToken cancellationToken,
        [FromQuery(Name = "hub.mode")] string? mode = null, [FromQuery(Name = "hub.verify_token")] string? verifyToken = null,
        [FromQuery(Name = "hub.challenge")] string? challenge = null)
    {
        // The token check comes first: an unknown inbox answers 404 whatever the query says.
        if (!await receiver.VerifyAsync(id, mode, verifyToken, cancellationToken) || string.IsNullOrEmpty(challenge) || challenge.Length > 200)
            throw new DomainException("whatsapp_verification_failed",
                "hub.mode must be subscribe, hub.verify_token this inbox's verify token, and hub.challenge present.", DomainErrorKind.Forbidden);
        return TypedResults.Text(challenge, "text/plain");
    }

    /// <summary>A notification: 200 once stored (processing follows in a job); 401 with nothing stored when the signature is wrong.</summary>
    public static async Task<Ok> ReceiveWebhookAsync(long id, HttpRequest request, WhatsAppWebhookReceiver receiver, IOptions<WhatsAppOptions> options,
        CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, options.Value.MaxWebhookBytes, cancellationToken);
        await receiver.ReceiveAsync(id, body, request.Headers[WhatsAppSignature.Header].FirstOrDefault(), cancellationToken);
        return TypedResults.Ok();
    }

    /// <summary>201 with the template message (status sending); 200 with the original when the <c>clientMessageId</c> was already used.</summary>
    public static async Task<Results<Created<PostMessageResponse>, Ok<PostMessageResponse>>> SendTemplateAsync(
        long id, SendTemplateRequest request, HttpContext http, WhatsAppTemplateService templates, CancellationToken cancellationToken)
    {
        var result = await templates.SendAsync(Caller.From(http.User), id, request, cancellationToken);
        return result.Replayed
            ? TypedResults.Ok(result)
            : TypedResults.Created($"/api/v1/conversations/{id}/messages/{result.Message.Id}", result);
    }

    /// <summary>The raw bytes, as signed: the signature is over exactly these, so the body is never parsed first.</summary>
    static async Task<byte[]> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw new BadHttpRequestException($"The webhook body must be at most {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
