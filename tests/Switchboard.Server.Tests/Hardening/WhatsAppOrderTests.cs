using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.WhatsApp;
using Switchboard.Server.WhatsApp;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>Messages of one contact from separate webhooks are stored in Meta's order, whichever webhook's job runs first.</summary>
public sealed class WhatsAppOrderTests
{
    [Theory, BothDatabases]
    public async Task TwoRacingWebhooksAreStoredInMetasOrderWhicheverJobRunsFirst(DatabaseKind db)
    {
        // No job worker: the test runs the jobs itself, the later webhook's first, as a second lane would.
        await using var h = await WhatsAppHarness.StartAsync(db, new() { ["Jobs:WorkerEnabled"] = "false" });
        // Sent 13:00:05 then 13:00:01 by the customer's clock as Meta records it, arriving in the opposite order.
        Assert.Equal(HttpStatusCode.OK, (await h.PostWebhookAsync(Notification("wamid.SECOND", "1749416505", "and blue?"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await h.PostWebhookAsync(Notification("wamid.FIRST", "1749416501", "Do you have it in red"))).StatusCode);
        var jobs = await h.App.Database.ReadAsync((c, tx) => c.QueryAsync<(long Id, long? WorkspaceId, string Payload)>(
            "SELECT id, workspace_id, payload FROM jobs WHERE kind = @kind ORDER BY id", new { kind = WhatsAppWebhookHandler.JobKind }, tx), CancellationToken.None);
        var handler = h.App.Services.GetServices<IJobHandler>().OfType<WhatsAppWebhookHandler>().Single();

        foreach (var job in jobs.Reverse())
            await handler.HandleAsync(new JobContext(job.Id, WhatsAppWebhookHandler.JobKind, job.WorkspaceId, job.Payload, 1, 8), CancellationToken.None);

        var conversationId = await h.CustomerConversationIdAsync();
        var page = await h.Workspace.Operator.GetAsync<MessagePageResponse>($"/api/v1/conversations/{conversationId}/messages");
        Assert.Equal(["Do you have it in red", "and blue?"], page.Items.Select(m => m.Text));
        var processed = await h.App.Database.ReadAsync((c, tx) => c.QuerySingleAsync<long>(
            "SELECT COUNT(*) FROM whatsapp_webhooks WHERE processed_at IS NOT NULL", transaction: tx), CancellationToken.None);
        Assert.Equal(2, processed);
    }

    static string Notification(string wamid, string timestamp, string text) => $$$"""
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp",
        "metadata":{"display_phone_number":"15550783881","phone_number_id":"{{{WhatsAppHarness.PhoneNumberId}}}"},
        "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"{{{WhatsAppHarness.CustomerWaId}}}"}],
        "messages":[{"from":"{{{WhatsAppHarness.CustomerWaId}}}","id":"{{{wamid}}}","timestamp":"{{{timestamp}}}","type":"text","text":{"body":"{{{text}}}"}}]},"field":"messages"}]}]}
        """;
}
