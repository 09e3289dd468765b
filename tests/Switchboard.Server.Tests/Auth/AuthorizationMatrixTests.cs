using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Switchboard.Server.Auth;
using Switchboard.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Switchboard.Server.Tests.Auth;

/// <summary>
/// Every mapped endpoint, read from the endpoint data source, against six callers. An endpoint added
/// without a rule here fails the test, so nobody ships a route whose access nobody decided.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output)
{
    /// <summary>Who may call an endpoint.</summary>
    enum Access { Anyone, Participant, Team, Admin, Visitor, Responder }

    static readonly Dictionary<string, Access> Rules = new(StringComparer.Ordinal)
    {
        ["GET /healthz"] = Access.Anyone,
        ["GET /readyz"] = Access.Anyone,
        ["GET /"] = Access.Anyone,
        ["GET /widget.js"] = Access.Anyone,
        ["GET /favicon.ico"] = Access.Anyone,
        ["GET /app/{*path:nonfile}"] = Access.Anyone,
        ["HEAD /app/{*path:nonfile}"] = Access.Anyone,
        ["GET /openapi/{documentName}.json"] = Access.Anyone,
        ["POST /api/v1/auth/login"] = Access.Anyone,
        ["POST /api/v1/auth/logout"] = Access.Team,
        ["GET /api/v1/auth/me"] = Access.Participant,
        ["GET /api/v1/api-keys/"] = Access.Admin,
        ["POST /api/v1/api-keys/"] = Access.Admin,
        ["DELETE /api/v1/api-keys/{id:long}"] = Access.Admin,
        ["GET /api/v1/workspace/"] = Access.Team,
        ["PATCH /api/v1/workspace/"] = Access.Admin,
        ["GET /api/v1/members/"] = Access.Team,
        ["GET /api/v1/members/{id:long}"] = Access.Team,
        ["POST /api/v1/members/"] = Access.Admin,
        ["PATCH /api/v1/members/{id:long}"] = Access.Admin,
        ["GET /api/v1/inboxes/"] = Access.Team,
        ["POST /api/v1/inboxes/"] = Access.Admin,
        ["GET /api/v1/contacts/"] = Access.Team,
        ["GET /api/v1/contacts/{id:long}"] = Access.Team,
        ["PATCH /api/v1/contacts/{id:long}"] = Access.Team,
        ["POST /api/v1/contacts/{id:long}/merge"] = Access.Team,
        ["GET /api/v1/conversations/"] = Access.Participant,
        ["GET /api/v1/conversations/{id:long}"] = Access.Participant,
        ["PATCH /api/v1/conversations/{id:long}"] = Access.Team,
        ["GET /api/v1/conversations/{id:long}/messages"] = Access.Participant,
        ["POST /api/v1/conversations/{id:long}/messages"] = Access.Participant,
        ["GET /api/v1/conversations/{id:long}/transcript"] = Access.Team,
        ["POST /api/v1/conversations/{id:long}/receipts"] = Access.Participant,
        ["POST /api/v1/conversations/{id:long}/typing"] = Access.Participant,
        ["GET /api/v1/sync/snapshot"] = Access.Participant,
        ["GET /api/v1/stream"] = Access.Participant,
        ["GET /api/v1/events"] = Access.Participant,
        ["GET /api/v1/events/poll"] = Access.Participant,
        ["POST /api/v1/widget/sessions"] = Access.Anyone,
        ["POST /api/v1/widget/conversation"] = Access.Visitor,
        ["GET /api/v1/widget/config"] = Access.Anyone,
        ["POST /api/v1/widget/identify"] = Access.Visitor,
        ["PUT /api/v1/widget/attributes"] = Access.Visitor,
        ["PUT /api/v1/widget/email"] = Access.Visitor,
        ["PUT /api/v1/widget/page"] = Access.Visitor,
        ["GET /api/v1/inboxes/{id:long}/widget"] = Access.Admin,
        ["PUT /api/v1/inboxes/{id:long}/widget"] = Access.Admin,
        ["POST /api/v1/inboxes/{id:long}/identity-secret"] = Access.Admin,
        ["GET /api/v1/queue/"] = Access.Team,
        ["POST /api/v1/queue/claim"] = Access.Team,
        ["POST /api/v1/conversations/{id:long}/claim"] = Access.Team,
        ["POST /api/v1/conversations/{id:long}/handoff"] = Access.Responder,
        ["PUT /api/v1/presence/"] = Access.Team,
        ["GET /api/v1/jobs/"] = Access.Admin,
        ["GET /api/v1/jobs/{id:long}"] = Access.Admin,
        ["POST /api/v1/jobs/{id:long}/retry"] = Access.Admin,
        ["GET /api/v1/stats/daily"] = Access.Team,
        ["GET /api/v1/stats/daily.csv"] = Access.Team,
        ["POST /api/v1/stats/daily/{day}/close"] = Access.Admin,
        ["GET /api/v1/webhooks/"] = Access.Admin,
        ["POST /api/v1/webhooks/"] = Access.Admin,
        ["DELETE /api/v1/webhooks/{id:long}"] = Access.Admin,
        ["GET /api/v1/webhooks/{id:long}/deliveries"] = Access.Admin,
        ["GET /api/v1/whatsapp/inboxes/"] = Access.Admin,
        ["POST /api/v1/whatsapp/inboxes/"] = Access.Admin,
        ["GET /api/v1/whatsapp/inboxes/{id:long}"] = Access.Admin,
        ["PATCH /api/v1/whatsapp/inboxes/{id:long}"] = Access.Admin,
        // Meta calls these: the verify token and the body's signature authenticate it, not a session.
        ["GET /api/v1/whatsapp/{id:long}/webhook"] = Access.Anyone,
        ["POST /api/v1/whatsapp/{id:long}/webhook"] = Access.Anyone,
        ["POST /api/v1/conversations/{id:long}/whatsapp/template"] = Access.Team,
        ["GET /api/v1/stream"] = Access.Participant,
        ["GET /api/v1/events"] = Access.Participant,
        ["GET /api/v1/events/poll"] = Access.Participant,
        ["GET /api/v1/bot/"] = Access.Admin,
        ["PATCH /api/v1/bot/"] = Access.Admin,
        ["GET /api/v1/bot/inboxes/{id:long}"] = Access.Admin,
        ["PUT /api/v1/bot/inboxes/{id:long}"] = Access.Admin,
        ["DELETE /api/v1/bot/inboxes/{id:long}"] = Access.Admin,
        ["GET /api/v1/faq/"] = Access.Team,
        ["GET /api/v1/faq/search"] = Access.Team,
        ["GET /api/v1/faq/{id:long}"] = Access.Team,
        ["POST /api/v1/faq/"] = Access.Admin,
        ["PATCH /api/v1/faq/{id:long}"] = Access.Admin,
        ["DELETE /api/v1/faq/{id:long}"] = Access.Admin,
        ["POST /api/v1/faq/{id:long}/phrasings"] = Access.Admin,
        ["GET /api/v1/canned-replies/"] = Access.Team,
        ["POST /api/v1/canned-replies/"] = Access.Team,
        ["PATCH /api/v1/canned-replies/{id:long}"] = Access.Team,
        ["DELETE /api/v1/canned-replies/{id:long}"] = Access.Team,
        ["GET /api/v1/labels/"] = Access.Team,
        ["POST /api/v1/labels/"] = Access.Admin,
        ["PATCH /api/v1/labels/{id:long}"] = Access.Admin,
        ["DELETE /api/v1/labels/{id:long}"] = Access.Admin,
        ["POST /api/v1/conversations/{id:long}/labels"] = Access.Team,
        ["GET /api/v1/stats/labels"] = Access.Team,
        ["GET /api/v1/stats/labels.csv"] = Access.Team,
        ["GET /api/v1/teams/"] = Access.Team,
        ["POST /api/v1/teams/"] = Access.Admin,
        ["PATCH /api/v1/teams/{id:long}"] = Access.Admin,
        ["DELETE /api/v1/teams/{id:long}"] = Access.Admin,
        ["PUT /api/v1/inboxes/{id:long}/team"] = Access.Admin,
        ["POST /api/v1/conversations/{id:long}/snooze"] = Access.Team,
        ["POST /api/v1/conversations/{id:long}/unsnooze"] = Access.Team,
        ["POST /api/v1/conversations/{id:long}/csat"] = Access.Visitor,
        ["GET /api/v1/stats/csat"] = Access.Team,
        ["GET /api/v1/stats/csat.csv"] = Access.Team,
        ["GET /api/v1/search/"] = Access.Team,
        ["PUT /api/v1/conversations/{id:long}/attachments/{clientAttachmentId}"] = Access.Participant,
        ["GET /api/v1/conversations/{id:long}/attachments/{attachmentId:long}/link"] = Access.Participant,
        // An <img src> cannot send a token: the link's signature is the authority (a valid one is used here).
        ["GET /api/v1/attachments/{id:long}/content"] = Access.Anyone,
    };

    /// <summary>BotKey: an API key of role bot (an external bot answering through the API).</summary>
    enum Who { Anonymous, Visitor, OtherWorkspaceOperator, Operator, Admin, BotKey }

    [Fact]
    public async Task EveryEndpointAnswersEachCallerAsItsRuleSays()
    {
        // A long-poll with nothing to say answers after its timeout: keep that short here.
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, extra: new() { ["Realtime:PollTimeout"] = "00:00:00.200" });
        var ws = await TestWorkspace.CreateAsync(app);
        var other = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var key = await (await ws.Admin.PostJsonAsync("/api/v1/api-keys", new { name = "matrix" })).ReadAsync<CreatedApiKeyResponse>();
        var botKey = await (await ws.Admin.PostJsonAsync("/api/v1/api-keys", new { name = "matrix bot", role = Roles.Bot })).ReadAsync<CreatedApiKeyResponse>();
        var faq = await (await ws.Admin.PostJsonAsync("/api/v1/faq", new { question = "Q?", answer = "A." })).ReadAsync<Switchboard.Server.Bots.Faq.FaqEntryResponse>();
        // The operator's own reply: they may change it, the admin finds no such reply (404), which is not a refusal of who asks.
        var canned = await (await (await app.LoginAsync(ws.OperatorEmail)).PostJsonAsync("/api/v1/canned-replies",
            new { mutationId = "m-matrix", shortCode = "matrix", title = "Matrix", text = "Hi" })).ReadAsync<Switchboard.Server.CannedReplies.CannedReplyWriteResponse>();
        var label = (await (await ws.Admin.PostJsonAsync("/api/v1/labels", new { name = "Matrix", colour = "#aa00aa" })).ReadAsync<System.Text.Json.JsonElement>())
            .GetProperty("data").GetProperty("id").GetInt64();
        var team = (await (await ws.Admin.PostJsonAsync("/api/v1/teams", new { name = "Matrix" })).ReadAsync<System.Text.Json.JsonElement>())
            .GetProperty("data").GetProperty("id").GetInt64();
        var contactId = visitor.Session.ContactId;
        var duplicateId = (await ws.NewVisitorAsync("Matrix duplicate")).Session.ContactId;
        var said = await (await visitor.SayAsync("hello")).ReadAsync<Switchboard.Server.Messages.PostMessageResponse>();
        // The visitor's own upload, not sent: every caller who sees the conversation may link it.
        var upload = await Switchboard.Server.Tests.Attachments.AttachmentClient.UploadAsync(visitor.Client, visitor.ConversationId, "matrix-file",
            Encoding.UTF8.GetBytes("matrix"), "matrix.txt");
        var signed = await Switchboard.Server.Tests.Attachments.AttachmentClient.LinkAsync(visitor.Client, visitor.ConversationId, upload.Id);
        // Valid bodies, so a refusal is about who asks, not about what was sent.
        string Body(string endpoint) => endpoint switch
        {
            "PATCH /api/v1/conversations/{id:long}" => $$"""{"mutationId":"m-{{Guid.NewGuid():N}}","botActive":false}""",
            "POST /api/v1/conversations/{id:long}/messages" => $$"""{"clientMessageId":"c-{{Guid.NewGuid():N}}","text":"hi"}""",
            "POST /api/v1/conversations/{id:long}/typing" => """{"state":"start"}""",
            "POST /api/v1/conversations/{id:long}/receipts" => $$"""{"status":"read","upToMessageId":{{said.Message.Id}}}""",
            "PATCH /api/v1/members/{id:long}" => """{"name":"Renamed"}""",
            "POST /api/v1/conversations/{id:long}/claim" => $$"""{"mutationId":"m-{{Guid.NewGuid():N}}"}""",
            "POST /api/v1/conversations/{id:long}/handoff" => $$"""{"mutationId":"m-{{Guid.NewGuid():N}}","reason":"matrix"}""",
            "PUT /api/v1/presence/" => """{"status":"online"}""",
            "POST /api/v1/conversations/{id:long}/whatsapp/template" => $$"""{"clientMessageId":"t-{{Guid.NewGuid():N}}","name":"hello_world","language":"en_US"}""",
            "POST /api/v1/faq/" => """{"question":"Q?","answer":"A."}""",
            "PATCH /api/v1/faq/{id:long}" => """{"answer":"B."}""",
            "POST /api/v1/faq/{id:long}/phrasings" => """{"text":"Q again?"}""",
            "POST /api/v1/canned-replies/" => $$"""{"mutationId":"m-{{Guid.NewGuid():N}}","shortCode":"c{{Guid.NewGuid():N}}","title":"T","text":"x"}""",
            "DELETE /api/v1/canned-replies/{id:long}" => $$"""{"mutationId":"m-{{Guid.NewGuid():N}}"}""",
            "PATCH /api/v1/canned-replies/{id:long}" => $$"""{"mutationId":"m-{{Guid.NewGuid():N}}","title":"T{{Guid.NewGuid():N}}"}""",
            "POST /api/v1/labels/" => $$"""{"name":"L{{Guid.NewGuid():N}}","colour":"#00aa00"}""",
            "PATCH /api/v1/labels/{id:long}" => $$"""{"description":"d{{Guid.NewGuid():N}}"}""",
            "POST /api/v1/conversations/{id:long}/labels" => $$"""{"mutationId":"m-{{Guid.NewGuid():N}}","add":[{{label}}]}""",
            "POST /api/v1/conversations/{id:long}/snooze" => $$"""{"mutationId":"m-{{Guid.NewGuid():N}}","untilReply":true}""",
            "POST /api/v1/conversations/{id:long}/unsnooze" => $$"""{"mutationId":"m-{{Guid.NewGuid():N}}"}""",
            // The visitor's open conversation has asked for no rating yet: a well-formed rating of it is 404 csat_not_found.
            "POST /api/v1/conversations/{id:long}/csat" => $$"""{"mutationId":"m-{{Guid.NewGuid():N}}","requestId":1,"rating":5,"comment":"ok"}""",
            "POST /api/v1/teams/" => $$"""{"name":"T{{Guid.NewGuid():N}}"}""",
            "PATCH /api/v1/teams/{id:long}" => $$"""{"name":"T{{Guid.NewGuid():N}}"}""",
            "PUT /api/v1/inboxes/{id:long}/team" => """{"teamId":null}""",
            "PUT /api/v1/widget/attributes" => """{"attributes":{"plan":"pro"}}""",
            "PUT /api/v1/widget/email" => """{"email":"vera@example.com"}""",
            "PUT /api/v1/widget/page" => $$"""{"url":"https://shop.example/{{Guid.NewGuid():N}}","title":"Matrix","language":"en-GB","timeZone":"Europe/London"}""",
            "PATCH /api/v1/contacts/{id:long}" => $$"""{"mutationId":"m-{{Guid.NewGuid():N}}","name":"N{{Guid.NewGuid():N}}"}""",
            "POST /api/v1/contacts/{id:long}/merge" => $$"""{"mutationId":"m-{{Guid.NewGuid():N}}","duplicateId":{{duplicateId}}}""",
            _ => "{}",
        };

        var endpoints = app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Distinct().Order().ToList();

        var unruled = endpoints.Where(e => !Rules.ContainsKey(e)).ToList();
        Assert.True(unruled.Count == 0, "Endpoints without an authorization rule: " + string.Join(", ", unruled));

        foreach (var endpoint in endpoints)
        {
            var rule = Rules[endpoint];
            foreach (var who in Enum.GetValues<Who>())
            {
                // Logging out ends the session: each caller gets a fresh sign-in for every request.
                var client = who switch
                {
                    Who.Anonymous => app.CreateClient(),
                    Who.Visitor => visitor.Client,
                    Who.OtherWorkspaceOperator => await app.LoginAsync(other.OperatorEmail),
                    Who.Operator => await app.LoginAsync(ws.OperatorEmail),
                    Who.BotKey => Bearer(app.CreateClient(), botKey.Key),
                    _ => await app.LoginAsync(ws.AdminEmail),
                };
                var (method, path) = Split(endpoint, attachmentId: upload.Id, resourceId: endpoint switch
                {
                    _ when endpoint.Contains("/api/v1/attachments/", StringComparison.Ordinal) => upload.Id,
                    _ when endpoint.Contains("/members/", StringComparison.Ordinal) => ws.OperatorId,
                    _ when endpoint.Contains("/api-keys/", StringComparison.Ordinal) => key.ApiKey.Id,
                    _ when endpoint.Contains("/contacts/", StringComparison.Ordinal) => contactId,
                    _ when endpoint.Contains("/faq/", StringComparison.Ordinal) => faq.Id,
                    _ when endpoint.Contains("/canned-replies/", StringComparison.Ordinal) => canned.CannedReply.Id,
                    _ when endpoint.Contains("/api/v1/labels/{id", StringComparison.Ordinal) => label,
                    _ when endpoint.Contains("/api/v1/teams/{id", StringComparison.Ordinal) => team,
                    _ when endpoint.Contains("/bot/inboxes/", StringComparison.Ordinal) => ws.Inbox.Id,
                    _ when endpoint.Contains("/inboxes/{id", StringComparison.Ordinal) => ws.Inbox.Id,
                    _ => visitor.ConversationId,
                });
                if (endpoint.EndsWith("/content", StringComparison.Ordinal)) path = signed.Url;
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PATCH" or "PUT" || endpoint == "DELETE /api/v1/canned-replies/{id:long}") request.Content = new StringContent(Body(endpoint), Encoding.UTF8, "application/json");
                // An event stream that was let in never ends by itself: its status line is the answer; disposing hangs up.
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var status = (int)response.StatusCode;
                output.WriteLine($"{endpoint,-50} {who,-24} {status}");
                var streaming = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
                AssertAllowed(endpoint, rule, who, path, response.StatusCode, streaming ? "(event stream)" : await response.Content.ReadAsStringAsync());
            }
        }
    }

    static void AssertAllowed(string endpoint, Access rule, Who who, string path, HttpStatusCode status, string body)
    {
        var context = $"{endpoint} as {who} answered {(int)status}: {body}";
        var allowed = rule switch
        {
            Access.Anyone => true,
            Access.Participant => who != Who.Anonymous,
            Access.Team => who is Who.Operator or Who.Admin or Who.OtherWorkspaceOperator,
            Access.Responder => who is Who.Operator or Who.Admin or Who.OtherWorkspaceOperator or Who.BotKey,
            Access.Admin => who == Who.Admin,
            _ => who == Who.Visitor,
        };
        if (!allowed)
        {
            var expected = who == Who.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            Assert.True(status == expected, context);
            return;
        }
        Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) || endpoint == "POST /api/v1/auth/login", context);
        Assert.True((int)status < 500, context);
        // Another workspace's resources do not exist for this caller.
        // (A signed attachment link is the exception: whoever holds it may fetch it until it expires.)
        if (who == Who.OtherWorkspaceOperator && path.Any(char.IsDigit) && endpoint.Contains("{id", StringComparison.Ordinal) && !endpoint.EndsWith("/content", StringComparison.Ordinal))
            Assert.True(status == HttpStatusCode.NotFound, context);
    }

    static HttpClient Bearer(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    static (string Method, string Path) Split(string endpoint, long attachmentId, long resourceId)
    {
        var space = endpoint.IndexOf(' ', StringComparison.Ordinal);
        var path = endpoint[(space + 1)..]
            .Replace("{id:long}", resourceId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{day}", "2026-01-01", StringComparison.Ordinal)
            .Replace("{*path:nonfile}", "inbox", StringComparison.Ordinal)
            // An upload of the body ("{}", which sniffs as text) under one id: the visitor's first, a conflict for the others.
            .Replace("{clientAttachmentId}", "matrix-upload?name=matrix.txt", StringComparison.Ordinal)
            .Replace("{attachmentId:long}", attachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        // The streams would stay open (or wait 25 s): a cursor ahead of the log makes them answer a reset and end.
        if (path.StartsWith("/api/v1/events", StringComparison.Ordinal)) path += "?cursor=999999999";
        return (endpoint[..space], path);
    }
}
