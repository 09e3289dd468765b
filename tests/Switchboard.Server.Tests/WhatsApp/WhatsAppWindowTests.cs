using System.Net;
using Switchboard.Core.Messages;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.WhatsApp;

public sealed class WhatsAppWindowTests
{
    [Theory, BothDatabases]
    public async Task FreeFormSendOutsideTheWindowIsRefusedAndWritesNothingWhileATemplateGoesOut(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        await h.DeliverAsync(WhatsAppHarness.Fixture("inbound-text.json"));
        var conversationId = await h.CustomerConversationIdAsync();

        // Just inside the window a free-form reply goes out.
        h.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var skip = h.Jobs.Outcomes.Count;
        await h.OperatorSaysAsync(conversationId, "Yes, in blue.");
        Assert.Equal(JobState.Succeeded, (await h.SendAttemptAsync(skip)).State);

        // At 24 hours it is refused at the request, with nothing stored, no event and no send.
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var before = await SnapshotAsync(h, conversationId);
        var refused = await h.Workspace.Operator.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { clientMessageId = "late-1", text = "Still there?" });
        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "whatsapp_window_closed");
        Assert.Equal(before, await SnapshotAsync(h, conversationId));
        Assert.Single(h.Graph.Requests);
        // Internal notes never leave Switchboard, so the window does not apply to them.
        var note = await (await h.Workspace.Operator.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages",
            new { clientMessageId = "note-1", text = "Customer asked about colours; offer a template tomorrow.", isNote = true })).ReadAsync<PostMessageResponse>(HttpStatusCode.Created);
        Assert.Equal(DeliveryStatus.Sent, note.Message.Status);

        // An approved template may be sent instead; retrying it with the same clientMessageId sends nothing more.
        skip = h.Jobs.Outcomes.Count;
        var template = new { clientMessageId = "tpl-1", name = "order_update", language = "en_US", parameters = new[] { "Sheena", "#4711" } };
        var created = await (await h.Workspace.Operator.PostJsonAsync($"/api/v1/conversations/{conversationId}/whatsapp/template", template))
            .ReadAsync<PostMessageResponse>(HttpStatusCode.Created);
        Assert.Equal(("template", DeliveryStatus.Sending, "[template order_update (en_US)] Sheena | #4711"),
            (created.Message.Kind, created.Message.Status, created.Message.Text));
        Assert.Equal(JobState.Succeeded, (await h.SendAttemptAsync(skip)).State);
        var replay = await (await h.Workspace.Operator.PostJsonAsync($"/api/v1/conversations/{conversationId}/whatsapp/template", template))
            .ReadAsync<PostMessageResponse>(HttpStatusCode.OK);
        Assert.True(replay.Replayed);
        Assert.Equal(DeliveryStatus.Sent, (await h.MessageAsync(conversationId, created.Message.Id)).Status);

        var request = h.Graph.Requests[^1];
        Assert.Equal(2, h.Graph.Requests.Count);
        Assert.Null(request.Problem);
        Assert.Equal(WhatsAppHarness.PhoneNumberId, request.PhoneNumberId);
        Assert.Equal($"Bearer {WhatsAppHarness.AccessToken}", request.Authorization);
        Assert.Equal("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"template","template":{"name":"order_update","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"Sheena"},{"type":"text","text":"#4711"}]}]}}
            """, request.Body.GetRawText());

        // The customer writes again: the window opens again.
        await h.DeliverAsync(WhatsAppHarness.Fixture("inbound-text.json").Replace("wamid.HBgL", "wamid.NEW", StringComparison.Ordinal));
        await h.OperatorSaysAsync(conversationId, "Welcome back!");

        // Templates are only for WhatsApp conversations.
        var visitor = await h.Workspace.NewVisitorAsync();
        await (await h.Workspace.Operator.PostJsonAsync($"/api/v1/conversations/{visitor.ConversationId}/whatsapp/template", template))
            .AssertProblemAsync(HttpStatusCode.Conflict, "conversation_not_whatsapp");
        await (await h.Workspace.Operator.PostJsonAsync($"/api/v1/conversations/{conversationId}/whatsapp/template", new { clientMessageId = "tpl-2", name = "Bad Name", language = "en" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "template_name_invalid");
    }

    /// <summary>What a send could write: the conversation's messages and version, the workspace's seq, and WhatsApp send jobs.</summary>
    static async Task<string> SnapshotAsync(WhatsAppHarness h, long conversationId)
    {
        var conversation = await h.Workspace.Operator.GetAsync<Server.Conversations.ConversationResponse>($"/api/v1/conversations/{conversationId}");
        var messages = await h.Workspace.Operator.GetAsync<MessagePageResponse>($"/api/v1/conversations/{conversationId}/messages?limit=200");
        var sends = (await h.Workspace.Admin.GetAsync<Server.Common.ItemsResponse<JobResponse>>("/api/v1/jobs?kind=whatsapp.send&limit=100")).Items.Count;
        return $"messages={messages.Items.Count}, version={conversation.Version}, seq={await h.App.CursorAsync(h.Workspace.Id)}, sends={sends}";
    }
}
