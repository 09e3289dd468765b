using System.Net.Http.Headers;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Members;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Widget;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>A workspace of its own with an admin, an operator and a widget inbox, and signed-in clients for them.</summary>
public sealed class TestWorkspace
{
    public const string Password = "test-password-1";

    TestWorkspace(TestApp app, long id, long adminId, long operatorId, InboxResponse inbox, HttpClient admin, HttpClient @operator, string adminEmail, string operatorEmail,
        IReadOnlyList<(long Id, string Email)> extraOperators)
    {
        ExtraOperators = extraOperators;
        App = app;
        Id = id;
        AdminId = adminId;
        OperatorId = operatorId;
        Inbox = inbox;
        Admin = admin;
        Operator = @operator;
        AdminEmail = adminEmail;
        OperatorEmail = operatorEmail;
    }

    public TestApp App { get; }
    public long Id { get; }
    public long AdminId { get; }
    public long OperatorId { get; }
    public InboxResponse Inbox { get; }
    public HttpClient Admin { get; }
    public HttpClient Operator { get; }
    public string AdminEmail { get; }
    public string OperatorEmail { get; }
    /// <summary>The operators asked for with <c>extraOperators</c> (not signed in: use <c>App.LoginAsync(email)</c>).</summary>
    public IReadOnlyList<(long Id, string Email)> ExtraOperators { get; }

    public static async Task<TestWorkspace> CreateAsync(TestApp app, WorkspaceSettings? settings = null, int extraOperators = 0)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var adminEmail = $"admin-{tag}@test.example";
        var operatorEmail = $"operator-{tag}@test.example";
        var members = new List<WorkspaceProvisioner.NewMember>
        {
            new(adminEmail, "Ada Admin", Roles.Admin, Password),
            new(operatorEmail, "Otto Operator", Roles.Operator, Password),
        };
        for (var i = 0; i < extraOperators; i++) members.Add(new($"operator{i}-{tag}@test.example", $"Operator {i}", Roles.Operator, Password));
        var ws = await app.Service<WorkspaceProvisioner>().CreateAsync("Test " + tag, members, settings, CancellationToken.None);
        return new TestWorkspace(app, ws.WorkspaceId, ws.MemberIds[0], ws.MemberIds[1], ws.Inbox,
            await app.LoginAsync(adminEmail), await app.LoginAsync(operatorEmail), adminEmail, operatorEmail,
            members.Skip(2).Select((m, i) => (ws.MemberIds[i + 2], m.Email.ToLowerInvariant())).ToList());
    }

    /// <summary>A visitor with a widget session and a started conversation.</summary>
    public async Task<TestVisitor> NewVisitorAsync(string name = "Vera Visitor", InboxResponse? inbox = null)
    {
        var client = App.CreateClient();
        var session = await (await client.PostJsonAsync("/api/v1/widget/sessions", new { inboxToken = (inbox ?? Inbox).PublicToken, name }))
            .ReadAsync<WidgetSessionResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        var conversation = await (await client.PostAsync("/api/v1/widget/conversation", null)).ReadAsync<ConversationWriteResponse>();
        return new TestVisitor(client, session, conversation.Conversation.Id);
    }
}

public sealed record TestVisitor(HttpClient Client, WidgetSessionResponse Session, long ConversationId)
{
    public Task<HttpResponseMessage> SayAsync(string text, string? clientMessageId = null) =>
        Client.PostJsonAsync($"/api/v1/conversations/{ConversationId}/messages", new { clientMessageId = clientMessageId ?? Guid.NewGuid().ToString("N"), text });
}

public static class TestAppLogin
{
    public static async Task<HttpClient> LoginAsync(this TestApp app, string email, string password = TestWorkspace.Password)
    {
        var client = app.CreateClient();
        var login = await (await client.PostJsonAsync("/api/v1/auth/login", new { email, password })).ReadAsync<LoginResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Token);
        return client;
    }
}
