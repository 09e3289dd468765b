using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Switchboard.Core.Conversations;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Auth;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Api;

public sealed class ReplyOwnershipTests
{
    static Task<HttpResponseMessage> TryReplyAsync(HttpClient client, long id, string text, bool? replyAnyway = null, bool? isNote = null) =>
        client.PostJsonAsync($"/api/v1/conversations/{id}/messages", new { clientMessageId = WorkflowClient.NewId(), text, replyAnyway, isNote });

    [Theory, BothDatabases]
    public async Task ClaimLoserLearnsWhoOwnsTheConversationAndRepliesOnlyDeliberately(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false }, extraOperators: 1);
        var (secondId, secondEmail) = ws.ExtraOperators[0];
        var second = await app.LoginAsync(secondEmail);
        var visitor = await ws.NewVisitorAsync();

        // Two operators claim at once: exactly one wins, and the loser's plain reply is refused with the winner's name.
        var claims = await Task.WhenAll(ws.Operator.TryClaimAsync(visitor.ConversationId), second.TryClaimAsync(visitor.ConversationId));
        Assert.Single(claims, r => r.StatusCode == HttpStatusCode.OK);
        var winnerIsFirst = claims[0].StatusCode == HttpStatusCode.OK;
        var (winner, winnerId, loser) = winnerIsFirst ? (ws.Operator, ws.OperatorId, second) : (second, secondId, ws.Operator);
        var winnerName = winnerIsFirst ? "Otto Operator" : "Operator 0";
        var before = await app.CursorAsync(ws.Id);

        var refused = await TryReplyAsync(loser, visitor.ConversationId, "I can help!");
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, ReplyOwnership.OwnedByOther);
        using (var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()))
        {
            Assert.Equal(winnerId, problem.RootElement.GetProperty("assigneeId").GetInt64());
            Assert.Equal(winnerName, problem.RootElement.GetProperty("assigneeName").GetString());
        }
        Assert.Equal(before, await app.CursorAsync(ws.Id)); // nothing was written, no event

        // An internal note is for the team: always allowed. The owner replies without asking.
        await (await TryReplyAsync(loser, visitor.ConversationId, "FYI: VIP customer", isNote: true)).ReadAsync<PostMessageResponse>(HttpStatusCode.Created);
        await winner.ReplyAsync(visitor.ConversationId, "Hi, I'm on it.");

        // Replying anyway is deliberate: the message goes out and the colleague stays the owner.
        var anyway = await (await TryReplyAsync(loser, visitor.ConversationId, "Adding a detail", replyAnyway: true)).ReadAsync<PostMessageResponse>(HttpStatusCode.Created);
        Assert.Equal(winnerId, anyway.Conversation.AssigneeId);
        Assert.Equal(ConversationState.WaitingCustomer, anyway.Conversation.State);
    }

    [Theory, BothDatabases]
    public async Task AdminsAreAskedTooButIntegrationsAndUnownedConversationsAreNot(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false });
        var owned = await ws.NewVisitorAsync("Owned");
        var free = await ws.NewVisitorAsync("Free");
        await ws.Operator.ClaimAsync(owned.ConversationId);

        await (await TryReplyAsync(ws.Admin, owned.ConversationId, "Admin here")).AssertProblemAsync(HttpStatusCode.Conflict, ReplyOwnership.OwnedByOther);

        // Anyone may answer a conversation nobody owns (and then owns it).
        var first = await ws.Admin.ReplyAsync(free.ConversationId, "Hello");
        Assert.Equal(ws.AdminId, first.Conversation.AssigneeId);

        // An integration's API key is no member: existing API clients keep working unchanged.
        var key = await (await ws.Admin.PostJsonAsync("/api/v1/api-keys", new { name = "crm" })).ReadAsync<CreatedApiKeyResponse>();
        using var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        var sent = await (await TryReplyAsync(integration, owned.ConversationId, "Your order shipped")).ReadAsync<PostMessageResponse>(HttpStatusCode.Created);
        Assert.Equal(ws.OperatorId, sent.Conversation.AssigneeId);
    }
}
