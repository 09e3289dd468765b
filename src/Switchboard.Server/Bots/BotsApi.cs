using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Bots.Config;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Bots;

/// <summary>
/// The bot's configuration (admin): <c>/api/v1/bot</c> for the workspace, <c>/api/v1/bot/inboxes/{id}</c> for an
/// inbox's override. Secrets are write-only.
/// </summary>
public static class BotsApi
{
    public static RouteGroupBuilder MapBotsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/bot").WithTags("Bots").ProducesProblems().RequireAuthorization(Policies.Admin);
        group.MapGet("/", GetAsync);
        group.MapPatch("/", UpdateAsync);
        group.MapGet("/inboxes/{id:long}", GetInboxAsync);
        group.MapPut("/inboxes/{id:long}", ReplaceInboxAsync);
        group.MapDelete("/inboxes/{id:long}", DeleteInboxAsync);
        return group;
    }

    public static async Task<Ok<BotConfigResponse>> GetAsync(HttpContext http, BotConfigService configs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await configs.GetAsync(Caller.From(http.User), cancellationToken));

    public static async Task<Ok<BotConfigResponse>> UpdateAsync(BotConfigRequest request, HttpContext http, BotConfigService configs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await configs.UpdateAsync(Caller.From(http.User), request, cancellationToken));

    public static async Task<Ok<InboxBotConfigResponse>> GetInboxAsync(long id, HttpContext http, BotConfigService configs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await configs.GetInboxAsync(Caller.From(http.User), id, cancellationToken));

    public static async Task<Ok<InboxBotConfigResponse>> ReplaceInboxAsync(long id, BotConfigRequest request, HttpContext http, BotConfigService configs,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await configs.ReplaceInboxAsync(Caller.From(http.User), id, request, cancellationToken));

    public static async Task<NoContent> DeleteInboxAsync(long id, HttpContext http, BotConfigService configs, CancellationToken cancellationToken)
    {
        await configs.DeleteInboxAsync(Caller.From(http.User), id, cancellationToken);
        return TypedResults.NoContent();
    }
}
