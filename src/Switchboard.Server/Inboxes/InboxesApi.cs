using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Inboxes;

public static class InboxesApi
{

    public static RouteGroupBuilder MapInboxesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/inboxes").WithTags("Inboxes").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        return group;
    }

    public static async Task<Ok<ItemsResponse<InboxResponse>>> ListAsync(HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var items = await database.ReadAsync((c, tx) => InboxStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken), cancellationToken);
        return TypedResults.Ok(new ItemsResponse<InboxResponse>(items, null));
    }

    public static async Task<Created<InboxResponse>> CreateAsync(CreateInboxRequest request, HttpContext http, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var inbox = await database.WriteGlobalAsync((c, tx) => CreateWidgetAsync(c, tx, caller.WorkspaceId, request, clock.GetUtcNow(), cancellationToken), cancellationToken);
        return TypedResults.Created($"/api/v1/inboxes/{inbox.Id}", inbox);
    }

    /// <summary>Validates and inserts a widget inbox (the demo creates its inbox through here too).</summary>
    public static Task<InboxResponse> CreateWidgetAsync(DbConnection c, DbTransaction tx, long workspaceId, CreateInboxRequest request, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) throw new DomainException("name_invalid", "Name must be 1 to 100 characters.", DomainErrorKind.Invalid);
        var channel = request.Channel ?? InboxChannels.Widget;
        if (channel != InboxChannels.Widget)
            throw new DomainException("channel_invalid", "channel must be widget (create WhatsApp inboxes with POST /api/v1/whatsapp/inboxes).", DomainErrorKind.Invalid);
        return InboxStore.InsertAsync(c, tx, workspaceId, name, channel, now, cancellationToken);
    }
}
