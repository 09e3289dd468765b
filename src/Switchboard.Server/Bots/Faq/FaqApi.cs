using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Bots.Faq;

/// <summary>FAQ entries: the team reads them (and tries questions against them), admins write them.</summary>
public static class FaqApi
{
    public static RouteGroupBuilder MapFaqApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/faq").WithTags("Bots").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapGet("/", ListAsync);
        group.MapGet("/search", SearchAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        group.MapPatch("/{id:long}", UpdateAsync).RequireAuthorization(Policies.Admin);
        group.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization(Policies.Admin);
        group.MapPost("/{id:long}/phrasings", AddPhrasingAsync).RequireAuthorization(Policies.Admin);
        return group;
    }

    public static async Task<Ok<ItemsResponse<FaqEntryResponse>>> ListAsync(HttpContext http, FaqService faq, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<FaqEntryResponse>((await faq.ListAsync(Caller.From(http.User), cancellationToken)).Select(r => r.ToResponse()).ToList(), null));

    public static async Task<Ok<FaqEntryResponse>> GetAsync(long id, HttpContext http, FaqService faq, CancellationToken cancellationToken) =>
        TypedResults.Ok((await faq.GetAsync(Caller.From(http.User), id, cancellationToken)).ToResponse());

    /// <summary>What the knowledge-base bot would answer to <c>q</c> (in <c>inboxId</c>'s configuration): for tuning the FAQ and the threshold.</summary>
    public static async Task<Ok<FaqSearchResponse>> SearchAsync(HttpContext http, FaqService faq, CancellationToken cancellationToken, string? q = null, long? inboxId = null) =>
        TypedResults.Ok(await faq.SearchAsync(Caller.From(http.User), q, inboxId, cancellationToken));

    public static async Task<Created<FaqEntryResponse>> CreateAsync(FaqEntryRequest request, HttpContext http, FaqService faq, CancellationToken cancellationToken)
    {
        var row = await faq.CreateAsync(Caller.From(http.User), request, cancellationToken);
        return TypedResults.Created($"/api/v1/faq/{row.Id}", row.ToResponse());
    }

    public static async Task<Ok<FaqEntryResponse>> UpdateAsync(long id, FaqEntryRequest request, HttpContext http, FaqService faq, CancellationToken cancellationToken) =>
        TypedResults.Ok((await faq.UpdateAsync(Caller.From(http.User), id, request, cancellationToken)).ToResponse());

    /// <summary>Teaches the bot another way customers ask an entry's question.</summary>
    public static async Task<Ok<FaqEntryResponse>> AddPhrasingAsync(long id, FaqPhrasingRequest request, HttpContext http, FaqService faq, CancellationToken cancellationToken) =>
        TypedResults.Ok((await faq.AddPhrasingAsync(Caller.From(http.User), id, request, cancellationToken)).ToResponse());

    public static async Task<NoContent> DeleteAsync(long id, HttpContext http, FaqService faq, CancellationToken cancellationToken)
    {
        await faq.DeleteAsync(Caller.From(http.User), id, cancellationToken);
        return TypedResults.NoContent();
    }
}
