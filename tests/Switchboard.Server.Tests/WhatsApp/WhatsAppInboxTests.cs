using System.Net;
using Dapper;
using Switchboard.Server.Common;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.WhatsApp;

namespace Switchboard.Server.Tests.WhatsApp;

public sealed class WhatsAppInboxTests
{
    [Theory, BothDatabases]
    public async Task InboxSecretsAreEncryptedNeverReturnedAndTheWebhookAnswersMetasHandshake(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        var secrets = new[] { WhatsAppHarness.AccessToken, WhatsAppHarness.AppSecret, WhatsAppHarness.VerifyToken };

        Assert.Equal(("whatsapp", WhatsAppHarness.PhoneNumberId, h.Graph.BaseUrl, $"/api/v1/whatsapp/{h.Inbox.Id}/webhook"),
            (h.Inbox.Channel, h.Inbox.PhoneNumberId, h.Inbox.GraphBaseUrl, h.Inbox.WebhookPath));
        var listed = await (await h.Workspace.Admin.GetAsync("/api/v1/whatsapp/inboxes")).Content.ReadAsStringAsync();
        var one = await (await h.Workspace.Admin.GetAsync($"/api/v1/whatsapp/inboxes/{h.Inbox.Id}")).Content.ReadAsStringAsync();
        var stored = await h.App.Database.ReadAsync((c, tx) => c.QuerySingleAsync<(string, string, string)>(
            "SELECT access_token, app_secret, verify_token FROM whatsapp_inboxes WHERE inbox_id = @Id", new { h.Inbox.Id }, tx), CancellationToken.None);
        foreach (var secret in secrets)
        {
            Assert.Contains(WhatsAppHarness.PhoneNumberId, listed, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, one, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, $"{stored.Item1} {stored.Item2} {stored.Item3}", StringComparison.Ordinal);
        }
        Assert.Contains((await h.Workspace.Operator.GetAsync<ItemsResponse<InboxResponse>>("/api/v1/inboxes")).Items, i => i.Id == h.Inbox.Id && i.Channel == "whatsapp");

        // Meta's handshake: the challenge comes back as text for the right verify token only.
        var anonymous = h.App.CreateClient();
        var verify = await anonymous.GetAsync($"{h.Inbox.WebhookPath}?hub.mode=subscribe&hub.verify_token={WhatsAppHarness.VerifyToken}&hub.challenge=1158201444");
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        Assert.Equal("text/plain", verify.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await verify.Content.ReadAsStringAsync());
        foreach (var query in new[] { "hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1", "hub.mode=unsubscribe&hub.verify_token=verify-token-xyz&hub.challenge=1",
                     "hub.mode=subscribe&hub.verify_token=verify-token-xyz", "" })
            await (await anonymous.GetAsync($"{h.Inbox.WebhookPath}?{query}")).AssertProblemAsync(HttpStatusCode.Forbidden, "whatsapp_verification_failed");

        // Rotating the token and the verify token: the new ones are used, still never shown.
        var updated = await (await h.Workspace.Admin.PatchJsonAsync($"/api/v1/whatsapp/inboxes/{h.Inbox.Id}", new { accessToken = "EAAnew-token", verifyToken = "new-verify", name = "Sales" }))
            .ReadAsync<WhatsAppInboxResponse>();
        Assert.Equal(("Sales", WhatsAppHarness.PhoneNumberId), (updated.Name, updated.PhoneNumberId));
        var row = await h.App.Database.ReadAsync((c, tx) => WhatsAppInboxStore.FindAsync(c, tx, h.Inbox.Id, CancellationToken.None), CancellationToken.None);
        Assert.Equal("EAAnew-token", h.App.Service<WhatsAppSecrets>().Unprotect(h.Inbox.Id, row!.AccessToken));
        Assert.Equal(WhatsAppHarness.AppSecret, h.App.Service<WhatsAppSecrets>().Unprotect(h.Inbox.Id, row.AppSecret));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{h.Inbox.WebhookPath}?hub.mode=subscribe&hub.verify_token=new-verify&hub.challenge=7")).StatusCode);

        // Refusals: another inbox on the same number, bad fields, operators, another workspace.
        var create = new { name = "Again", phoneNumberId = WhatsAppHarness.PhoneNumberId, accessToken = "t", appSecret = "s", verifyToken = "v" };
        await (await h.Workspace.Admin.PostJsonAsync("/api/v1/whatsapp/inboxes", create)).AssertProblemAsync(HttpStatusCode.Conflict, "phone_number_id_taken");
        await (await h.Workspace.Admin.PostJsonAsync("/api/v1/whatsapp/inboxes", create with { phoneNumberId = "+1 555" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "phone_number_id_invalid");
        await (await h.Workspace.Admin.PostJsonAsync("/api/v1/whatsapp/inboxes", new { name = "X", phoneNumberId = "42", accessToken = "t", appSecret = "s", verifyToken = "v", graphBaseUrl = "ftp://x" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "graph_base_url_invalid");
        await (await h.Workspace.Operator.PostJsonAsync("/api/v1/whatsapp/inboxes", create)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var other = await TestWorkspace.CreateAsync(h.App);
        await (await other.Admin.GetAsync($"/api/v1/whatsapp/inboxes/{h.Inbox.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "inbox_not_found");
        var defaulted = await (await other.Admin.PostJsonAsync("/api/v1/whatsapp/inboxes", new { name = "Other", phoneNumberId = "42", accessToken = "t", appSecret = "s", verifyToken = "v" }))
            .ReadAsync<WhatsAppInboxResponse>(HttpStatusCode.Created);
        Assert.Equal("https://graph.facebook.com/v21.0", defaulted.GraphBaseUrl);
    }
}
