using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Server.Conversations;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Widget;
using Switchboard.Server.Widget.Identity;
using Switchboard.Server.Widget.Settings;
using static Switchboard.Server.Tests.Widget.WidgetKit;

namespace Switchboard.Server.Tests.Widget;

public sealed class WidgetIdentityTests
{
    static async Task<string> RotateAsync(TestWorkspace ws) =>
        (await (await ws.Admin.PostAsync($"/api/v1/inboxes/{ws.Inbox.Id}/identity-secret", null)).ReadAsync<IdentitySecretResponse>()).Secret;

    static object Identity(string secret, string userId, string? name = null) =>
        new { userId, name, email = $"{userId}@example.com", hash = IdentityHash.Compute(secret, userId) };

    static HttpClient Visitor(TestApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Theory, BothDatabases]
    public async Task AVerifiedIdentityKeepsItsHistoryOnEveryDeviceAndAForgedOneIsRefused(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        await PutSettingsAsync(ws, identityVerification: "required");
        var secret = await RotateAsync(ws);

        var first = await SessionAsync(app, ws, Shop, Identity(secret, "u-42", "Ada"));
        Assert.True(first.Verified);
        var laptop = Visitor(app, first.Token);
        var conversation = await (await laptop.PostAsync("/api/v1/widget/conversation", null)).ReadAsync<ConversationWriteResponse>();
        await (await laptop.PostJsonAsync($"/api/v1/conversations/{conversation.Conversation.Id}/messages", new { clientMessageId = "c1", text = "Hello from the laptop" })).ReadAsync<JsonElement>();

        var second = await SessionAsync(app, ws, Shop, Identity(secret, "u-42"));
        Assert.Equal((first.ContactId, conversation.Conversation.Id, true), (second.ContactId, second.ConversationId, second.Verified));
        var page = await Visitor(app, second.Token).GetAsync<JsonElement>($"/api/v1/conversations/{second.ConversationId}/messages");
        Assert.Contains(page.GetProperty("items").EnumerateArray(), m => m.GetProperty("text").GetString() == "Hello from the laptop");

        var contactsBefore = await ws.Admin.GetAsync<JsonElement>("/api/v1/contacts");
        using var forged = await app.CreateClient().SendAsync(From(Shop, HttpMethod.Post, "/api/v1/widget/sessions",
            json: new { inboxToken = ws.Inbox.PublicToken, identity = new { userId = "u-42", hash = IdentityHash.Compute("not-the-secret", "u-42") } }));
        await forged.AssertProblemAsync(HttpStatusCode.Forbidden, "identity_invalid");
        using var anonymous = await app.CreateClient().SendAsync(From(Shop, HttpMethod.Post, "/api/v1/widget/sessions", json: new { inboxToken = ws.Inbox.PublicToken }));
        await anonymous.AssertProblemAsync(HttpStatusCode.Forbidden, "identity_required");
        Assert.Equal(contactsBefore.GetRawText(), (await ws.Admin.GetAsync<JsonElement>("/api/v1/contacts")).GetRawText());

        // Rotating the secret retires the old one at once.
        await RotateAsync(ws);
        using var stale = await app.CreateClient().SendAsync(From(Shop, HttpMethod.Post, "/api/v1/widget/sessions",
            json: new { inboxToken = ws.Inbox.PublicToken, identity = Identity(secret, "u-42") }));
        await stale.AssertProblemAsync(HttpStatusCode.Forbidden, "identity_invalid");
    }

    [Theory, BothDatabases]
    public async Task IdentifyAfterTheFactMovesTheAnonymousConversationToTheVerifiedContact(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var secret = await RotateAsync(ws);
        var visitor = await ws.NewVisitorAsync();
        await (await visitor.SayAsync("I wrote before signing in")).ReadAsync<JsonElement>();

        using var forged = await visitor.Client.PostJsonAsync("/api/v1/widget/identify", new { identity = new { userId = "u-7", hash = new string('0', 64) } });
        await forged.AssertProblemAsync(HttpStatusCode.Forbidden, "identity_invalid");

        var identified = await (await visitor.Client.PostJsonAsync("/api/v1/widget/identify", new { identity = Identity(secret, "u-7", "Grace") })).ReadAsync<WidgetSessionResponse>();
        Assert.True(identified.Verified);
        Assert.NotEqual(visitor.Session.ContactId, identified.ContactId);
        Assert.Equal(visitor.ConversationId, identified.ConversationId);
        var seen = await ws.Operator.GetAsync<ConversationResponse>($"/api/v1/conversations/{visitor.ConversationId}");
        Assert.Equal((identified.ContactId, "Grace"), (seen.Contact.Id, seen.Contact.Name));

        // Another device signing in as the same user continues that conversation.
        var other = await SessionAsync(app, ws, "http://localhost", Identity(secret, "u-7"));
        Assert.Equal((identified.ContactId, visitor.ConversationId), (other.ContactId, other.ConversationId));
    }

    [Theory, BothDatabases]
    public async Task AttributesAreStoredWithinLimitsAndShownToTheTeam(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        using var ok = await visitor.Client.PutAsync("/api/v1/widget/attributes", JsonContent.Create(new { attributes = new { plan = "pro", cartValue = 42, vip = true } }));
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);

        var bad = new object[]
        {
            new { attributes = new { nested = new { a = 1 } } },
            new { attributes = new { list = new[] { 1, 2 } } },
            new { attributes = new Dictionary<string, string> { [new string('k', 51)] = "v" } },
            new { attributes = new { note = new string('x', 501) } },
            new { attributes = Enumerable.Range(0, 48).ToDictionary(i => $"k{i}", i => i) },
        };
        foreach (var body in bad)
        {
            using var refused = await visitor.Client.PutAsync("/api/v1/widget/attributes", JsonContent.Create(body));
            await refused.AssertProblemAsync(HttpStatusCode.BadRequest, "attributes_invalid");
        }

        var seen = await ws.Operator.GetAsync<JsonElement>($"/api/v1/conversations/{visitor.ConversationId}");
        var attributes = seen.GetProperty("contact").GetProperty("attributes");
        Assert.Equal(("pro", 42, true), (attributes.GetProperty("plan").GetString(), attributes.GetProperty("cartValue").GetInt32(), attributes.GetProperty("vip").GetBoolean()));
        Assert.Equal(3, attributes.EnumerateObject().Count());
        var contact = await ws.Operator.GetAsync<JsonElement>($"/api/v1/contacts/{visitor.Session.ContactId}");
        Assert.Equal("pro", contact.GetProperty("attributes").GetProperty("plan").GetString());
        var own = await visitor.Client.GetAsync<JsonElement>($"/api/v1/conversations/{visitor.ConversationId}");
        Assert.Equal(JsonValueKind.Null, own.GetProperty("contact").GetProperty("attributes").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task AVisitorsEmailIsStoredAndTheTeamGetsANote(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        using var bad = await visitor.Client.PutAsync("/api/v1/widget/email", JsonContent.Create(new { email = "not an email" }));
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "email_invalid");
        using var ok = await visitor.Client.PutAsync("/api/v1/widget/email", JsonContent.Create(new { email = "vera@example.com" }));
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);

        var page = await ws.Operator.GetAsync<JsonElement>($"/api/v1/conversations/{visitor.ConversationId}/messages");
        var note = Assert.Single(page.GetProperty("items").EnumerateArray(), m => m.GetProperty("isNote").GetBoolean());
        Assert.Contains("vera@example.com", note.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("system", note.GetProperty("senderRole").GetString());
        Assert.Equal("vera@example.com", (await ws.Operator.GetAsync<JsonElement>($"/api/v1/contacts/{visitor.Session.ContactId}")).GetProperty("email").GetString());
        var visible = await visitor.Client.GetAsync<JsonElement>($"/api/v1/conversations/{visitor.ConversationId}/messages");
        Assert.DoesNotContain(visible.GetProperty("items").EnumerateArray(), m => m.GetProperty("isNote").GetBoolean());
    }
}
