using System.Data.Common;
using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Inboxes;

public static class InboxesApi
{
    public const string WidgetChannel = "widget";
    /// <summary>WhatsApp inboxes carry credentials, so they are created with <c>POST /api/v1/whatsapp/inboxes</c>.</summary>
    public const string WhatsAppChannel = "whatsapp";
    const string Columns = "id AS Id, name AS Name, channel AS Channel, public_token AS PublicToken, created_at AS CreatedAt";

    public static RouteGroupBuilder MapInboxesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/inboxes").WithTags("Inboxes").RequireAuthorization(Policies.Team);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        return group;
    }

    public static async Task<Ok<ItemsResponse<InboxResponse>>> ListAsync(HttpContext http, Database database, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var items = await database.ReadAsync((c, tx) => QueryAllAsync(c, tx, caller.WorkspaceId), cancellationToken);
        return TypedResults.Ok(new ItemsResponse<InboxResponse>(items, null));
    }

    public static async Task<IReadOnlyList<InboxResponse>> QueryAllAsync(DbConnection c, DbTransaction? tx, long workspaceId) =>
        (await c.QueryAsync<InboxRow>($"SELECT {Columns} FROM inboxes WHERE workspace_id = @workspaceId ORDER BY id", new { workspaceId }, tx))
            .Select(r => r.ToResponse()).ToList();

    public static async Task<Created<InboxResponse>> CreateAsync(CreateInboxRequest request, HttpContext http, Database database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        var inbox = await database.WriteGlobalAsync((c, tx) => InsertAsync(c, tx, caller.WorkspaceId, request, clock.GetUtcNow()), cancellationToken);
        return TypedResults.Created($"/api/v1/inboxes/{inbox.Id}", inbox);
    }

    public static async Task<InboxResponse> InsertAsync(DbConnection c, DbTransaction tx, long workspaceId, CreateInboxRequest request, DateTimeOffset now)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100) throw new DomainException("name_invalid", "Name must be 1 to 100 characters.", DomainErrorKind.Invalid);
        var channel = request.Channel ?? WidgetChannel;
        if (channel != WidgetChannel)
            throw new DomainException("channel_invalid", "channel must be widget (create WhatsApp inboxes with POST /api/v1/whatsapp/inboxes).", DomainErrorKind.Invalid);
        var row = await c.QuerySingleAsync<InboxRow>($"""
            INSERT INTO inboxes (workspace_id, name, channel, public_token, created_at) VALUES (@workspaceId, @name, @channel, @token, @now)
            RETURNING {Columns}
            """, new { workspaceId, name, channel, token = "pk_" + TokenCodec.Base64Url(RandomNumberGenerator.GetBytes(18)), now = now.ToUnixTimeMilliseconds() }, tx);
        return row.ToResponse();
    }

    sealed class InboxRow
    {
        public long Id { get; set; }
        public string Name { get; set; } = "";
        public string Channel { get; set; } = "";
        public string PublicToken { get; set; } = "";
        public long CreatedAt { get; set; }

        public InboxResponse ToResponse() => new(Id, Name, Channel, PublicToken, Time.FromMs(CreatedAt));
    }
}
