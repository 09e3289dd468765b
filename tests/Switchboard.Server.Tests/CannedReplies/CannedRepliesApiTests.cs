using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Server.CannedReplies;
using Switchboard.Server.Common;
using Switchboard.Server.Sync;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.CannedReplies;

public sealed class CannedRepliesApiTests
{
    const string Url = "/api/v1/canned-replies";

    [Theory, BothDatabases]
    public async Task AdminsWriteWorkspaceRepliesEveryMemberUsesThemAndEveryChangeReachesTheTeamLive(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var other = await TestWorkspace.CreateAsync(app);
        await using var team = await SseClient.OpenAsync(ws.Operator);

        await (await ws.Operator.PostJsonAsync(Url, Create("refund", "workspace"))).AssertProblemAsync(HttpStatusCode.Forbidden, "canned_reply_forbidden");
        var created = await (await ws.Admin.PostJsonAsync(Url, Create("Refund", "workspace", "Hi {{ contact.first_name }}, your refund is on its way.")))
            .ReadAsync<CannedReplyWriteResponse>(HttpStatusCode.Created);
        Assert.Equal(("refund", "workspace", (long?)null, 1L), (created.CannedReply.ShortCode, created.CannedReply.Scope, created.CannedReply.OwnerId, created.CannedReply.Version));
        var (_, frame) = await team.WaitAsync(f => f.Event == "canned_reply.updated");
        Assert.Equal(created.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), frame.Id);
        Assert.Equal("refund", frame.Data.GetProperty("data").GetProperty("shortCode").GetString());

        Assert.Single((await ws.Operator.GetAsync<ItemsResponse<CannedReplyResponse>>(Url)).Items);
        Assert.Single((await ws.Operator.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot")).CannedReplies!);
        Assert.Empty((await other.Admin.GetAsync<ItemsResponse<CannedReplyResponse>>(Url)).Items);

        var id = created.CannedReply.Id;
        await (await ws.Operator.PatchJsonAsync($"{Url}/{id}", new { mutationId = "m-op-edit", title = "Mine now" })).AssertProblemAsync(HttpStatusCode.Forbidden, "canned_reply_forbidden");
        await (await other.Admin.PatchJsonAsync($"{Url}/{id}", new { mutationId = "m-x-edit", title = "Theirs" })).AssertProblemAsync(HttpStatusCode.NotFound, "canned_reply_not_found");
        var edited = await (await ws.Admin.PatchJsonAsync($"{Url}/{id}", new { mutationId = "m-edit", text = "Refunded, {{contact.name}}." })).ReadAsync<CannedReplyWriteResponse>();
        Assert.Equal((2L, "A title", "Refunded, {{contact.name}}."), (edited.CannedReply.Version, edited.CannedReply.Title, edited.CannedReply.Text));
        await team.WaitAsync(f => f.Event == "canned_reply.updated" && f.Data.GetProperty("data").GetProperty("version").GetInt64() == 2);

        var deleted = await (await SendDeleteAsync(ws.Admin, id, "m-delete")).ReadAsync<CannedReplyDeleteResponse>();
        var (_, gone) = await team.WaitAsync(f => f.Event == "canned_reply.deleted");
        Assert.Equal(id, gone.Data.GetProperty("data").GetProperty("id").GetInt64());
        Assert.Equal(deleted.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), gone.Id);
        Assert.Empty((await ws.Operator.GetAsync<ItemsResponse<CannedReplyResponse>>(Url)).Items);
        await (await SendDeleteAsync(ws.Admin, id, "m-delete-again")).AssertProblemAsync(HttpStatusCode.NotFound, "canned_reply_not_found");
    }

    [Theory, BothDatabases]
    public async Task APersonalReplyIsSeenUsedAndStreamedToItsOwnerAloneNeverToColleaguesOrVisitors(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        await using var owner = await SseClient.OpenAsync(ws.Operator);
        await using var admin = await SseClient.OpenAsync(ws.Admin);
        await using var customer = await SseClient.OpenAsync(visitor.Client);

        var mine = await (await ws.Operator.PostJsonAsync(Url, Create("thanks", scope: null, "Thanks, {{contact.name}}! {{operator.first_name}}")))
            .ReadAsync<CannedReplyWriteResponse>(HttpStatusCode.Created);
        Assert.Equal(("personal", (long?)ws.OperatorId), (mine.CannedReply.Scope, mine.CannedReply.OwnerId));
        // The same code in another scope is another reply: codes are unique per scope and owner.
        await (await ws.Admin.PostJsonAsync(Url, Create("thanks", "personal"))).ReadAsync<CannedReplyWriteResponse>(HttpStatusCode.Created);
        await (await ws.Operator.PostJsonAsync(Url, Create("THANKS", "personal"))).AssertProblemAsync(HttpStatusCode.Conflict, "canned_reply_code_taken");
        // A later team-wide event proves the streams got past the personal ones without them.
        var marker = await (await ws.Admin.PostJsonAsync(Url, Create("hello", "workspace"))).ReadAsync<CannedReplyWriteResponse>(HttpStatusCode.Created);

        await owner.WaitAsync(f => f.Event == "canned_reply.updated" && f.Data.GetProperty("data").GetProperty("id").GetInt64() == mine.CannedReply.Id);
        await admin.WaitAsync(f => f.Event == "canned_reply.updated" && f.Data.GetProperty("data").GetProperty("id").GetInt64() == marker.CannedReply.Id);
        Assert.DoesNotContain(admin.Frames, f => f.Event == "canned_reply.updated" && f.Data.GetProperty("data").GetProperty("id").GetInt64() == mine.CannedReply.Id);
        await visitor.SayAsync("a visitor's own event comes after them");
        await customer.WaitAsync(f => f.Event == "message.created");
        Assert.DoesNotContain(customer.Frames, f => f.Event.StartsWith("canned_reply.", StringComparison.Ordinal));

        // The colleague (an admin too) neither lists, changes nor deletes it; to them it does not exist.
        Assert.DoesNotContain((await ws.Admin.GetAsync<ItemsResponse<CannedReplyResponse>>(Url)).Items, r => r.Id == mine.CannedReply.Id);
        Assert.Equal(2, (await ws.Operator.GetAsync<ItemsResponse<CannedReplyResponse>>(Url)).Items.Count);
        await (await ws.Admin.PatchJsonAsync($"{Url}/{mine.CannedReply.Id}", new { mutationId = "m-peek", title = "x" })).AssertProblemAsync(HttpStatusCode.NotFound, "canned_reply_not_found");
        await (await SendDeleteAsync(ws.Admin, mine.CannedReply.Id, "m-peek-delete")).AssertProblemAsync(HttpStatusCode.NotFound, "canned_reply_not_found");

        // Catching up from the start (the ring or the database, not the live path) filters the same way.
        await using var resumed = await SseClient.OpenAsync(ws.Admin, "/api/v1/events?cursor=0");
        await resumed.WaitAsync(f => f.Event == "canned_reply.updated" && f.Data.GetProperty("data").GetProperty("id").GetInt64() == marker.CannedReply.Id);
        Assert.DoesNotContain(resumed.Frames, f => f.Event == "canned_reply.updated" && f.Data.GetProperty("data").GetProperty("id").GetInt64() == mine.CannedReply.Id);

        // An API key of the team uses the workspace's replies but owns none and sees no member's personal ones.
        var key = await (await ws.Admin.PostJsonAsync("/api/v1/api-keys", new { name = "crm" })).ReadAsync<Switchboard.Server.Auth.CreatedApiKeyResponse>();
        using var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key.Key);
        Assert.DoesNotContain((await integration.GetAsync<ItemsResponse<CannedReplyResponse>>(Url)).Items, r => r.Scope == "personal");
        await (await integration.PostJsonAsync(Url, Create("crm"))).AssertProblemAsync(HttpStatusCode.Forbidden, "member_required");

        // Visitors reach no canned reply endpoint, and their snapshot has none.
        await (await visitor.Client.GetAsync(Url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await visitor.Client.PostJsonAsync(Url, Create("mine"))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await visitor.Client.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot")).CannedReplies!);
    }

    [Theory, BothDatabases]
    public async Task BadInputIsRefusedWithItsCodeAndChangesNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var before = (await ws.Admin.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot")).Cursor;

        await (await ws.Admin.PostJsonAsync(Url, Create("has space"))).AssertProblemAsync(HttpStatusCode.BadRequest, "canned_reply_code_invalid");
        await (await ws.Admin.PostJsonAsync(Url, Create("-dash"))).AssertProblemAsync(HttpStatusCode.BadRequest, "canned_reply_code_invalid");
        await (await ws.Admin.PostJsonAsync(Url, Create(new string('a', 33)))).AssertProblemAsync(HttpStatusCode.BadRequest, "canned_reply_code_invalid");
        await (await ws.Admin.PostJsonAsync(Url, new { mutationId = "m1", shortCode = "ok", title = " ", text = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest, "canned_reply_title_invalid");
        await (await ws.Admin.PostJsonAsync(Url, new { mutationId = "m2", shortCode = "ok", title = "t", text = new string('x', 4097) })).AssertProblemAsync(HttpStatusCode.BadRequest, "canned_reply_text_invalid");
        await (await ws.Admin.PostJsonAsync(Url, Create("ok", "team"))).AssertProblemAsync(HttpStatusCode.BadRequest, "canned_reply_scope_invalid");
        await (await ws.Admin.PostJsonAsync(Url, new { shortCode = "ok", title = "t", text = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest, "mutation_id_invalid");
        var typo = await (await ws.Admin.PostJsonAsync(Url, Create("ok", "workspace", "Hi {{contact.nmae}}"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("canned_reply_placeholder_unknown", typo.GetProperty("code").GetString());
        Assert.Contains("contact.nmae", typo.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var created = await (await ws.Admin.PostJsonAsync(Url, Create("ok", "workspace"))).ReadAsync<CannedReplyWriteResponse>(HttpStatusCode.Created);
        await (await ws.Admin.PatchJsonAsync($"{Url}/{created.CannedReply.Id}", new { mutationId = "m3", text = "{{operator.nickname}}" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "canned_reply_placeholder_unknown");
        await (await ws.Admin.PatchJsonAsync($"{Url}/{created.CannedReply.Id}", new { mutationId = "m4" })).AssertProblemAsync(HttpStatusCode.BadRequest, "patch_empty");
        Assert.Equal(before + 1, (await ws.Admin.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot")).Cursor);
        Assert.Equal(1L, (await ws.Admin.GetAsync<ItemsResponse<CannedReplyResponse>>(Url)).Items.Single().Version);
    }

    [Theory, BothDatabases]
    public async Task ARetriedWriteAnswersWithItsFirstResultAndWritesNothingMore(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var body = new { mutationId = "m-create", shortCode = "bye", title = "Goodbye", text = "Bye {{contact.first_name}}!", scope = "personal" };

        var first = await (await ws.Operator.PostJsonAsync(Url, body)).ReadAsync<CannedReplyWriteResponse>(HttpStatusCode.Created);
        var again = await (await ws.Operator.PostJsonAsync(Url, body)).ReadAsync<CannedReplyWriteResponse>(HttpStatusCode.OK);
        Assert.True(again.Replayed);
        Assert.Equal((first.CannedReply.Id, first.Seq), (again.CannedReply.Id, again.Seq));
        await (await ws.Operator.PostJsonAsync(Url, body with { text = "Other" })).AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_conflict");
        // Another member's retry of the same id is another request, never an answer about someone else's reply.
        await (await ws.Admin.PostJsonAsync(Url, body)).AssertProblemAsync(HttpStatusCode.Conflict, "idempotency_conflict");

        var patch = new { mutationId = "m-patch", title = "Farewell" };
        var edited = await (await ws.Operator.PatchJsonAsync($"{Url}/{first.CannedReply.Id}", patch)).ReadAsync<CannedReplyWriteResponse>();
        var editedAgain = await (await ws.Operator.PatchJsonAsync($"{Url}/{first.CannedReply.Id}", patch)).ReadAsync<CannedReplyWriteResponse>();
        Assert.Equal((edited.Seq, 2L, true), (editedAgain.Seq, editedAgain.CannedReply.Version, editedAgain.Replayed));

        var deleted = await (await SendDeleteAsync(ws.Operator, first.CannedReply.Id, "m-del")).ReadAsync<CannedReplyDeleteResponse>();
        var deletedAgain = await (await SendDeleteAsync(ws.Operator, first.CannedReply.Id, "m-del")).ReadAsync<CannedReplyDeleteResponse>();
        Assert.Equal((deleted.Seq, true), (deletedAgain.Seq, deletedAgain.Replayed));
        Assert.Equal(deleted.Seq, (await ws.Operator.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot")).Cursor);
    }

    static object Create(string code, string? scope = "personal", string text = "Some text.") =>
        new { mutationId = Guid.NewGuid().ToString("N"), shortCode = code, title = "A title", text, scope };

    static Task<HttpResponseMessage> SendDeleteAsync(HttpClient client, long id, string mutationId) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Url}/{id}") { Content = JsonContent.Create(new { mutationId }, options: Http.Json) });
}
