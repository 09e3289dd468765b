using System.Net;
using Dapper;
using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Conversations;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.WhatsApp;

public sealed class WhatsAppInboundTests
{
    const string FixtureWamid = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";

    [Theory, BothDatabases]
    public async Task DocumentedTextMessageCreatesContactConversationAndMessageOnceWhateverMetaRetries(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        var body = WhatsAppHarness.Fixture("inbound-text.json");

        await h.DeliverAsync(body);
        await h.DeliverAsync(body); // Meta's retry of the same notification

        var conversationId = await h.CustomerConversationIdAsync();
        var conversation = await h.Workspace.Operator.GetAsync<ConversationResponse>($"/api/v1/conversations/{conversationId}");
        Assert.Equal(h.Inbox.Id, conversation.InboxId);
        Assert.Equal("Sheena Nelson", conversation.Contact.Name);
        Assert.Equal(1, conversation.MessageCount);
        var message = Assert.Single((await h.Workspace.Operator.GetAsync<MessagePageResponse>($"/api/v1/conversations/{conversationId}/messages")).Items);
        Assert.Equal((SenderRole.Customer, "Does it come in another color?", FixtureWamid, "text"),
            (message.SenderRole, message.Text, message.ClientMessageId, message.Kind));
        Assert.Equal(conversation.Contact.Id, message.SenderId);
        Assert.Equal("Sheena Nelson", message.SenderName);

        var events = await h.App.EventsAsync(h.Workspace.Id);
        Assert.Single(events, e => e.Type == "message.created");
        Assert.Single(events, e => e.Type == "conversation.updated" && e.Change == "created");
        var counts = await h.App.Database.ReadAsync(async (c, tx) => (
            Contacts: await c.QuerySingleAsync<long>("SELECT COUNT(*) FROM contact_identities WHERE channel = 'whatsapp' AND external_id = @CustomerWaId",
                new { WhatsAppHarness.CustomerWaId }, tx),
            Webhooks: await c.QuerySingleAsync<long>("SELECT COUNT(*) FROM whatsapp_webhooks WHERE processed_at IS NOT NULL", transaction: tx)), CancellationToken.None);
        Assert.Equal((1L, 2L), counts); // both deliveries were stored and processed, one message came of them
    }

    [Theory, BothDatabases]
    public async Task BadSignatureIsRefusedAndStoresNothing(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        var body = WhatsAppHarness.Fixture("inbound-text.json");
        var before = await SnapshotAsync(h);

        await (await h.PostWebhookAsync(body, secret: "someone-elses-secret")).AssertProblemAsync(HttpStatusCode.Unauthorized, "whatsapp_signature_invalid");
        await (await h.PostWebhookAsync(body, secret: null)).AssertProblemAsync(HttpStatusCode.Unauthorized, "whatsapp_signature_invalid");
        await (await h.PostWebhookAsync(body, signatureHeader: "sha256=not-hex")).AssertProblemAsync(HttpStatusCode.Unauthorized, "whatsapp_signature_invalid");
        // Signed, then changed on the way: the signature covers the exact bytes.
        var signedForOriginal = Server.WhatsApp.WhatsAppSignature.Compute(WhatsAppHarness.AppSecret, System.Text.Encoding.UTF8.GetBytes(body));
        await (await h.PostWebhookAsync(body.Replace("another color", "another colour"), signatureHeader: signedForOriginal))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "whatsapp_signature_invalid");
        var response = await h.App.CreateClient().PostAsync("/api/v1/whatsapp/999999/webhook", new StringContent(body));
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "inbox_not_found");

        Assert.Equal(before, await SnapshotAsync(h));
    }

    [Theory, BothDatabases]
    public async Task OtherMessageTypesAreKeptWithTheirKindAndMediaAndAResolvedConversationReopens(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        await h.DeliverAsync(WhatsAppHarness.Fixture("inbound-text.json"));
        var conversationId = await h.CustomerConversationIdAsync();
        var resolved = await h.Workspace.Operator.PatchJsonAsync($"/api/v1/conversations/{conversationId}", new { mutationId = "m-resolve", resolved = true });
        Assert.Equal(ConversationState.Resolved, (await resolved.ReadAsync<ConversationWriteResponse>()).Conversation.State);

        await h.DeliverAsync(WhatsAppHarness.Notification(
            WhatsAppHarness.Message("wamid.IMG", "image", """{"caption":"This one, in blue?","mime_type":"image/jpeg","sha256":"abc=","id":"1479537139650973"}"""),
            WhatsAppHarness.Message("wamid.LOC", "location", """{"latitude":52.52,"longitude":13.405,"name":"Shop","address":"Main St 1"}"""),
            WhatsAppHarness.Message("wamid.STK", "sticker", """{"mime_type":"image/webp","sha256":"def=","id":"3129548893964785","animated":false}"""),
            WhatsAppHarness.Message("wamid.DOC", "document", """{"filename":"receipt.pdf","mime_type":"application/pdf","sha256":"ghi=","id":"2233445566"}"""),
            WhatsAppHarness.Message("wamid.AUD", "audio", """{"mime_type":"audio/ogg; codecs=opus","sha256":"jkl=","id":"9988776655","voice":true}"""),
            """{"from":"16505551234","id":"wamid.UNS","timestamp":"1749416500","type":"unsupported","errors":[{"code":131051,"title":"Message type unknown"}]}"""));

        var conversation = await h.Workspace.Operator.GetAsync<ConversationResponse>($"/api/v1/conversations/{conversationId}");
        Assert.Equal(ConversationState.Bot, conversation.State); // reopened to the bot by the workspace's default
        var items = (await h.Workspace.Operator.GetAsync<MessagePageResponse>($"/api/v1/conversations/{conversationId}/messages")).Items.Skip(1).ToList();
        var messages = items.Select(m => (m.ClientMessageId, m.Kind, m.MediaId, m.Text)).ToList();
        // Each file is an attachment of its message (downloaded by a job: WhatsAppMediaTests); the rest carry none.
        Assert.Equal(new[] { "image.jpg", null, "sticker.webp", "receipt.pdf", "audio.ogg", null },
            items.Select(m => m.Attachments is { } a ? Assert.Single(a).FileName : null));
        Assert.Equal(new (string, string, string?, string)[]
        {
            ("wamid.IMG", "image", "1479537139650973", "This one, in blue?"),
            ("wamid.LOC", "location", null, "[location] Shop Main St 1 (52.52, 13.405)"),
            ("wamid.STK", "sticker", "3129548893964785", ""),
            ("wamid.DOC", "document", "2233445566", ""),
            ("wamid.AUD", "audio", "9988776655", ""),
            ("wamid.UNS", "unsupported", null, "[unsupported] Message type unknown"),
        }, messages);
        var details = await h.App.Database.ReadAsync((c, tx) => c.QuerySingleAsync<string>(
            "SELECT details FROM messages WHERE client_message_id = 'wamid.IMG'", transaction: tx), CancellationToken.None);
        Assert.Contains("image/jpeg", details, StringComparison.Ordinal);
    }

    /// <summary>The rows a webhook could write, and the workspace's seq.</summary>
    static Task<string> SnapshotAsync(WhatsAppHarness h) => h.App.Database.ReadAsync(async (c, tx) => string.Join(", ",
        await c.QuerySingleAsync<long>("SELECT COUNT(*) FROM whatsapp_webhooks", transaction: tx),
        await c.QuerySingleAsync<long>("SELECT COUNT(*) FROM jobs WHERE kind LIKE 'whatsapp.%'", transaction: tx),
        await c.QuerySingleAsync<long>("SELECT COUNT(*) FROM contacts", transaction: tx),
        await c.QuerySingleAsync<long>("SELECT COUNT(*) FROM contact_identities", transaction: tx),
        await c.QuerySingleAsync<long>("SELECT COUNT(*) FROM conversations", transaction: tx),
        await c.QuerySingleAsync<long>("SELECT COUNT(*) FROM messages", transaction: tx),
        await c.QuerySingleAsync<long>("SELECT COUNT(*) FROM events", transaction: tx),
        await c.QuerySingleAsync<long>("SELECT SUM(last_seq) FROM workspaces", transaction: tx)), CancellationToken.None);
}
