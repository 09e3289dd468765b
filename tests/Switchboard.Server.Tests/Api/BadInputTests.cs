using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Switchboard.Server.Auth;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Api;

/// <summary>Bad input gets a 4xx ProblemDetails with a stable code, and changes nothing: the log and every table stay as they were.</summary>
public sealed class BadInputTests
{
    [Theory, BothDatabases]
    public async Task BadRequestsAreRefusedWithProblemDetailsAndWriteNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var other = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var otherVisitor = await other.NewVisitorAsync();
        var said = await (await visitor.SayAsync("hello", "known-id")).ReadAsync<PostMessageResponse>();
        var conv = $"/api/v1/conversations/{visitor.ConversationId}";
        var op = ws.Operator;

        var secret = await app.Service<CredentialStore>().VisitorSecretAsync(ws.Id, CancellationToken.None);
        var expired = VisitorTokens.Issue(new VisitorTokens.Claims(ws.Id, ws.Inbox.Id, visitor.Session.ContactId, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds()), secret!);
        var forged = VisitorTokens.Issue(new VisitorTokens.Claims(ws.Id, ws.Inbox.Id, visitor.Session.ContactId, DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds()), "not-the-secret");
        var tampered = visitor.Session.Token[..^3] + (visitor.Session.Token.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA");

        var cases = new (string Name, Func<Task<HttpResponseMessage>> Send, HttpStatusCode Status, string Code)[]
        {
            ("empty text", () => op.PostJsonAsync($"{conv}/messages", new { clientMessageId = "a1", text = "" }), HttpStatusCode.BadRequest, "text_empty"),
            ("blank text", () => op.PostJsonAsync($"{conv}/messages", new { clientMessageId = "a2", text = "  \n\t " }), HttpStatusCode.BadRequest, "text_empty"),
            ("oversized text", () => op.PostJsonAsync($"{conv}/messages", new { clientMessageId = "a3", text = new string('x', 4097) }), HttpStatusCode.BadRequest, "text_too_long"),
            ("missing clientMessageId", () => op.PostJsonAsync($"{conv}/messages", new { text = "hi" }), HttpStatusCode.BadRequest, "client_message_id_invalid"),
            ("malformed JSON", () => op.PostAsync($"{conv}/messages", Json("{\"clientMessageId\":\"a4\",\"text\":")), HttpStatusCode.BadRequest, "invalid_request"),
            ("text of the wrong type", () => op.PostAsync($"{conv}/messages", Json("{\"clientMessageId\":\"a5\",\"text\":42}")), HttpStatusCode.BadRequest, "invalid_request"),
            ("clientMessageId of the wrong type", () => op.PostAsync($"{conv}/messages", Json("{\"clientMessageId\":7,\"text\":\"hi\"}")), HttpStatusCode.BadRequest, "invalid_request"),
            ("negative seenSeq", () => op.PostJsonAsync($"{conv}/messages", new { clientMessageId = "a6", text = "hi", seenSeq = -1 }), HttpStatusCode.BadRequest, "seen_seq_invalid"),
            ("same id, different text", () => visitor.SayAsync("different", "known-id"), HttpStatusCode.Conflict, "idempotency_conflict"),
            ("unknown conversation", () => op.PostJsonAsync("/api/v1/conversations/987654/messages", new { clientMessageId = "a7", text = "hi" }), HttpStatusCode.NotFound, "conversation_not_found"),
            ("another workspace's conversation", () => op.PostJsonAsync($"/api/v1/conversations/{otherVisitor.ConversationId}/messages", new { clientMessageId = "a8", text = "hi" }), HttpStatusCode.NotFound, "conversation_not_found"),
            ("another visitor's conversation", () => visitor.Client.PostJsonAsync($"/api/v1/conversations/{otherVisitor.ConversationId}/messages", new { clientMessageId = "a9", text = "hi" }), HttpStatusCode.NotFound, "conversation_not_found"),
            ("oversized body", () => op.PostAsync($"{conv}/messages", Json("{\"clientMessageId\":\"b1\",\"text\":\"" + new string('y', 70_000) + "\"}")), HttpStatusCode.RequestEntityTooLarge, "body_too_large"),
            ("forged bearer token", () => WithToken(app, "sbm_forged").PostJsonAsync($"{conv}/messages", new { clientMessageId = "b2", text = "hi" }), HttpStatusCode.Unauthorized, "invalid_token"),
            ("expired visitor token", () => WithToken(app, expired).PostJsonAsync($"{conv}/messages", new { clientMessageId = "b3", text = "hi" }), HttpStatusCode.Unauthorized, "invalid_token"),
            ("visitor token signed with another key", () => WithToken(app, forged).PostJsonAsync($"{conv}/messages", new { clientMessageId = "b4", text = "hi" }), HttpStatusCode.Unauthorized, "invalid_token"),
            ("tampered visitor token", () => WithToken(app, tampered).PostJsonAsync($"{conv}/messages", new { clientMessageId = "b5", text = "hi" }), HttpStatusCode.Unauthorized, "invalid_token"),
            ("visitor writing a note", () => visitor.Client.PostJsonAsync($"{conv}/messages", new { clientMessageId = "b6", text = "hi", isNote = true }), HttpStatusCode.Forbidden, "note_forbidden"),
            ("PATCH without mutationId", () => op.PatchJsonAsync(conv, new { botActive = false }), HttpStatusCode.BadRequest, "mutation_id_invalid"),
            ("PATCH with nothing to change", () => op.PatchJsonAsync(conv, new { mutationId = "m1" }), HttpStatusCode.BadRequest, "patch_empty"),
            ("PATCH with a bad assignee", () => op.PatchAsync(conv, Json("{\"mutationId\":\"m2\",\"assigneeId\":\"abc\"}")), HttpStatusCode.BadRequest, "assignee_id_invalid"),
            ("PATCH assigning another workspace's member", () => ws.Admin.PatchJsonAsync(conv, new { mutationId = "m3", assigneeId = other.OperatorId }), HttpStatusCode.BadRequest, "assignee_invalid"),
            ("PATCH with a stale If-Match", () => SendAsync(op, HttpMethod.Patch, conv, "{\"mutationId\":\"m4\",\"botActive\":false}", ("If-Match", "\"999\"")), HttpStatusCode.PreconditionFailed, "version_mismatch"),
            ("operator assigning a colleague", () => op.PatchJsonAsync(conv, new { mutationId = "m5", assigneeId = ws.AdminId }), HttpStatusCode.Forbidden, "assign_forbidden"),
            ("receipt with a bad status", () => visitor.Client.PostJsonAsync($"{conv}/receipts", new { status = "seen", upToMessageId = said.Message.Id }), HttpStatusCode.BadRequest, "status_invalid"),
            ("receipt for an unknown message", () => visitor.Client.PostJsonAsync($"{conv}/receipts", new { status = "read", upToMessageId = 999999 }), HttpStatusCode.NotFound, "message_not_found"),
            ("list with limit 0", () => op.GetAsync("/api/v1/conversations?limit=0"), HttpStatusCode.BadRequest, "limit_invalid"),
            ("list with a forged cursor", () => op.GetAsync("/api/v1/conversations?cursor=garbage"), HttpStatusCode.BadRequest, "cursor_invalid"),
            ("list with an unknown state", () => op.GetAsync("/api/v1/conversations?state=sleeping"), HttpStatusCode.BadRequest, "state_invalid"),
            ("wrong password", () => app.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = ws.OperatorEmail, password = "wrong-password" }), HttpStatusCode.Unauthorized, "invalid_credentials"),
            ("member with a bad email", () => ws.Admin.PostJsonAsync("/api/v1/members", new { email = "not-an-email", name = "X" }), HttpStatusCode.BadRequest, "email_invalid"),
            ("member with a taken email", () => ws.Admin.PostJsonAsync("/api/v1/members", new { email = ws.OperatorEmail, name = "X", password = "long-enough-1" }), HttpStatusCode.Conflict, "email_taken"),
            ("widget session for an unknown inbox", () => app.CreateClient().PostJsonAsync("/api/v1/widget/sessions", new { inboxToken = "pk_nope" }), HttpStatusCode.NotFound, "inbox_not_found"),
            ("workspace with an unknown time zone", () => ws.Admin.PatchJsonAsync("/api/v1/workspace", new { timeZone = "Mars/Olympus" }), HttpStatusCode.BadRequest, "time_zone_invalid"),
        };

        foreach (var (name, send, status, code) in cases)
        {
            var before = await DatabaseFingerprint.TakeAsync(app);
            var response = await send();
            try { await response.AssertProblemAsync(status, code); }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"{name}: {e.Message}"); }
            var after = await DatabaseFingerprint.TakeAsync(app); Assert.True(before == after, $"{name} changed the database: {before} => {after}");
        }
    }

    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    static HttpClient WithToken(TestApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string body, (string Name, string Value) header)
    {
        var request = new HttpRequestMessage(method, url) { Content = Json(body) };
        request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return client.SendAsync(request);
    }
}
