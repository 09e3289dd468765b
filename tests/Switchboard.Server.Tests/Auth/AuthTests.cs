using System.Net;
using System.Net.Http.Headers;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Members;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Widget;

namespace Switchboard.Server.Tests.Auth;

public sealed class AuthTests
{
    [Theory, BothDatabases]
    public async Task LoginSetsASessionCookieThatAuthenticatesTheDashboard(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var browser = app.CreateClient(); // keeps cookies like a browser
        var login = await browser.PostJsonAsync("/api/v1/auth/login", new { email = ws.OperatorEmail.ToUpperInvariant(), password = TestWorkspace.Password });
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await browser.GetAsync<CurrentCallerResponse>("/api/v1/auth/me");
        Assert.Equal(ws.OperatorId, me.Member!.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        await (await browser.GetAsync("/api/v1/auth/me")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, BothDatabases]
    public async Task LogoutRevokesTheBearerToken(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var token = ws.Operator.DefaultRequestHeaders.Authorization!.Parameter!;
        Assert.Equal(HttpStatusCode.NoContent, (await ws.Operator.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await (await client.GetAsync("/api/v1/conversations")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Theory, BothDatabases]
    public async Task ApiKeysAreShownOnceWorkAndCanBeRevoked(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var created = await (await ws.Admin.PostJsonAsync("/api/v1/api-keys", new { name = "CRM sync" })).ReadAsync<CreatedApiKeyResponse>(HttpStatusCode.Created);
        Assert.StartsWith("sbk_", created.Key, StringComparison.Ordinal);
        var listed = await ws.Admin.GetAsync<ItemsResponse<ApiKeyResponse>>("/api/v1/api-keys");
        Assert.Equal(created.Key[..10], Assert.Single(listed.Items).Prefix);
        Assert.DoesNotContain(created.Key, await ws.Admin.GetStringAsync("/api/v1/api-keys"), StringComparison.Ordinal);

        var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Key);
        var me = await integration.GetAsync<CurrentCallerResponse>("/api/v1/auth/me");
        Assert.Equal("api_key", me.Kind);
        Assert.Equal(HttpStatusCode.OK, (await integration.GetAsync("/api/v1/conversations")).StatusCode);
        await (await integration.GetAsync("/api/v1/api-keys")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(HttpStatusCode.NoContent, (await ws.Admin.DeleteAsync($"/api/v1/api-keys/{created.ApiKey.Id}")).StatusCode);
        await (await integration.GetAsync("/api/v1/conversations")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
    }

    [Theory, BothDatabases]
    public async Task AdminsInviteAndDeactivateMembers(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var invited = await (await ws.Admin.PostJsonAsync("/api/v1/members", new { email = $"new-{ws.Id}@test.example", name = "Nia New" }))
            .ReadAsync<Switchboard.Server.Common.WriteResponse<CreatedMemberResponse>>(HttpStatusCode.Created);
        Assert.NotNull(invited.Data.TemporaryPassword);
        var nia = await app.LoginAsync(invited.Data.Member.Email, invited.Data.TemporaryPassword!);
        Assert.Equal(HttpStatusCode.OK, (await nia.GetAsync("/api/v1/conversations")).StatusCode);

        var cursor = await LoggedEvents.CursorAsync(app, ws.Id);
        await (await ws.Admin.PatchJsonAsync($"/api/v1/members/{invited.Data.Member.Id}", new { active = false })).ReadAsync<Switchboard.Server.Common.WriteResponse<MemberResponse>>();
        Assert.Equal("member.updated", Assert.Single(await LoggedEvents.AfterAsync(app, ws.Id, cursor)).Type);
        await (await nia.GetAsync("/api/v1/conversations")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_token");
        await (await app.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = invited.Data.Member.Email, password = invited.Data.TemporaryPassword }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await ws.Admin.PatchJsonAsync($"/api/v1/members/{ws.AdminId}", new { active = false })).AssertProblemAsync(HttpStatusCode.Conflict, "cannot_demote_self");
    }

    [Theory, BothDatabases]
    public async Task AVisitorSessionResumesTheSameContactAndConversation(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync("Rita");
        await visitor.SayAsync("hello");

        var resumed = await (await visitor.Client.PostJsonAsync("/api/v1/widget/sessions", new { inboxToken = ws.Inbox.PublicToken, email = "rita@example.com" }))
            .ReadAsync<WidgetSessionResponse>();
        Assert.Equal(visitor.Session.ContactId, resumed.ContactId);
        Assert.Equal(visitor.ConversationId, resumed.ConversationId);

        var stranger = await (await app.CreateClient().PostJsonAsync("/api/v1/widget/sessions", new { inboxToken = ws.Inbox.PublicToken })).ReadAsync<WidgetSessionResponse>();
        Assert.NotEqual(visitor.Session.ContactId, stranger.ContactId);
        Assert.Null(stranger.ConversationId);
        var conversation = await ws.Operator.GetAsync<ConversationResponse>($"/api/v1/conversations/{visitor.ConversationId}");
        Assert.Equal("rita@example.com", conversation.Contact.Email);
    }
}
