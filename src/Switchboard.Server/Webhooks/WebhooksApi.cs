using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Webhooks;

public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks").ProducesProblems().RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
        group.MapGet("/{id:long}/deliveries", DeliveriesAsync);
        return group;
    }

    public static async Task<Ok<ItemsResponse<WebhookResponse>>> ListAsync(HttpContext http, WebhookService webhooks, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<WebhookResponse>(await webhooks.ListAsync(Caller.From(http.User), cancellationToken), null));

    /// <summary>201 with the subscription and its signing secret (shown only here).</summary>
    public static async Task<Created<CreatedWebhookResponse>> CreateAsync(CreateWebhookRequest request, HttpContext http, WebhookService webhooks, CancellationToken cancellationToken)
    {
        var created = await webhooks.CreateAsync(Caller.From(http.User), request, cancellationToken);
        return TypedResults.Created($"/api/v1/webhooks/{created.Webhook.Id}", created);
    }

    public static async Task<NoContent> DeleteAsync(long id, HttpContext http, WebhookService webhooks, CancellationToken cancellationToken)
    {
        await webhooks.DeleteAsync(Caller.From(http.User), id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The newest delivery attempts first.</summary>
    public static async Task<Ok<ItemsResponse<WebhookDeliveryResponse>>> DeliveriesAsync(long id, HttpContext http, WebhookService webhooks,
        CancellationToken cancellationToken, int? limit = null) =>
        TypedResults.Ok(new ItemsResponse<WebhookDeliveryResponse>(await webhooks.DeliveriesAsync(Caller.From(http.User), id, limit, cancellationToken), null));
}
