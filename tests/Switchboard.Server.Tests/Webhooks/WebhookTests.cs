using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Common;
using Switchboard.Server.Jobs;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Webhooks;

namespace Switchboard.Server.Tests.Webhooks;

public sealed class WebhookTests
{
    [Theory, BothDatabases]
    public async Task DeliveriesAreSignedRetriedAndLogged(DatabaseKind db)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (clock, recorder) = (new ManualClock(), new JobRecorder());
        await using var app = await TestApp.StartAsync(db, configureServices: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IJobObserver>(recorder);
        });
        var ws = await TestWorkspace.CreateAsync(app);

        await (await ws.Operator.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "conversation.updated" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await ws.Admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "conversation.exploded" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "event_types_invalid");
        await (await ws.Admin.PostJsonAsync("/api/v1/webhooks", new { url = "ftp://example.com/x", eventTypes = new[] { "*" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "url_invalid");
        var created = await (await ws.Admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "conversation.updated" } }))
            .ReadAsync<CreatedWebhookResponse>(HttpStatusCode.Created);

        // The first attempt gets a 500; the retry, after the backoff, a 200.
        receiver.AnswerWith(500);
        var visitor = await ws.NewVisitorAsync();
        var failed = await recorder.WaitAsync(o => o.Kind == WebhookDeliveryHandler.JobKind);
        Assert.Equal(JobState.Pending, failed.State);
        clock.AdvanceTo(failed.NextRunAt!.Value);
        await recorder.WaitAsync(o => o.JobId == failed.JobId && o.State == JobState.Succeeded);

        var (first, second) = (receiver.Requests[0], receiver.Requests[1]);
        Assert.Equal((500, 200), (first.AnsweredWith, second.AnsweredWith));
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(failed.JobId.ToString(CultureInfo.InvariantCulture), second.Headers["X-Switchboard-Delivery"]);
        Assert.Equal("conversation.updated", second.Headers["X-Switchboard-Event"]);
        foreach (var request in new[] { first, second }) AssertSigned(created.Secret, request);
        Assert.NotEqual(first.Headers[WebhookSignature.Header], second.Headers[WebhookSignature.Header]); // fresh timestamp per attempt
        Assert.True(WebhookSignature.Verify(created.Secret, second.Headers[WebhookSignature.Header], second.Body, clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_wrong", second.Headers[WebhookSignature.Header], second.Body, clock.GetUtcNow(), TimeSpan.FromMinutes(5)));

        using var body = JsonDocument.Parse(second.Body);
        Assert.Equal(ws.Id, body.RootElement.GetProperty("workspaceId").GetInt64());
        var evt = body.RootElement.GetProperty("event");
        Assert.Equal("conversation.updated", evt.GetProperty("type").GetString());
        Assert.Equal(visitor.ConversationId, evt.GetProperty("conversationId").GetInt64());
        Assert.Equal("created", evt.GetProperty("data").GetProperty("change").GetString());

        var log = await ws.Admin.GetAsync<ItemsResponse<WebhookDeliveryResponse>>($"/api/v1/webhooks/{created.Webhook.Id}/deliveries");
        Assert.Equal(new int?[] { 200, 500 }, log.Items.Select(d => d.StatusCode));
        Assert.Equal(new[] { true, false }, log.Items.Select(d => d.Succeeded));
        Assert.Equal(new[] { 2, 1 }, log.Items.Select(d => d.Attempt));

        // Unsubscribed types are not delivered; a deleted subscription gets nothing more.
        await visitor.SayAsync("hello");
        Assert.Equal(1, await DeliveryJobsAsync(app));
        Assert.Equal(HttpStatusCode.NoContent, (await ws.Admin.DeleteAsync($"/api/v1/webhooks/{created.Webhook.Id}")).StatusCode);
        Assert.Empty((await ws.Admin.GetAsync<ItemsResponse<WebhookResponse>>("/api/v1/webhooks")).Items);
        await ws.NewVisitorAsync();
        Assert.Equal(1, await DeliveryJobsAsync(app));
    }

    /// <summary>What a receiver does, written out without the server's helper: HMAC-SHA256 over "t.body" with the secret.</summary>
    static void AssertSigned(string secret, WebhookReceiver.Received request)
    {
        var parts = request.Headers[WebhookSignature.Header].Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{request.Body}"));
        Assert.Equal(Convert.ToHexStringLower(mac), parts["v1"]);
    }

    static Task<long> DeliveryJobsAsync(TestApp app) => app.Database.ReadAsync((c, tx) => c.ExecuteScalarAsync<long>(
        "SELECT COUNT(*) FROM jobs WHERE kind = @kind", new { kind = WebhookDeliveryHandler.JobKind }, tx), CancellationToken.None);
}
