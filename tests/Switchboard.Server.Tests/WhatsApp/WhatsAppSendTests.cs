using Switchboard.Core.Messages;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.WhatsApp;

public sealed class WhatsAppSendTests
{
    [Theory, BothDatabases]
    public async Task ThrottledAndFailingSendsAreRetriedWhileRefusedOnesFailWithMetasError(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db, new() { ["WhatsApp:SendMaxAttempts"] = "3" });
        await h.DeliverAsync(WhatsAppHarness.Fixture("inbound-text.json"));
        var conversationId = await h.CustomerConversationIdAsync();

        // The bot answers through MessageService like any bot engine: the reply goes out to WhatsApp with no extra work.
        var skip = h.Jobs.Outcomes.Count;
        var bot = await h.App.Service<MessageService>().PostAsync(new MessagePost(h.Workspace.Id, Author.Bot, conversationId,
            new PostMessageRequest("bot-1", "Hi! It comes in blue and green.", null, null)), CancellationToken.None);
        Assert.Equal(DeliveryStatus.Sending, bot.Message.Status);
        Assert.Equal(JobState.Succeeded, (await h.SendAttemptAsync(skip)).State);
        Assert.Equal(DeliveryStatus.Sent, (await h.MessageAsync(conversationId, bot.Message.Id)).Status);
        Assert.Equal("""{"preview_url":false,"body":"Hi! It comes in blue and green."}""", h.Graph.Requests[^1].Body.GetProperty("text").GetRawText());

        // 429, then 200 after the backoff: sent on the second attempt.
        h.Graph.AnswerWith(429);
        var throttled = await SendWithRetriesAsync(h, conversationId, "One moment.", expectedAttempts: 2);
        Assert.Equal((DeliveryStatus.Sent, null), (throttled.Status, throttled.Error));

        // 500, then 200: retried.
        h.Graph.AnswerWith(500);
        var flaky = await SendWithRetriesAsync(h, conversationId, "Here it is.", expectedAttempts: 2);
        Assert.Equal(DeliveryStatus.Sent, flaky.Status);

        // 503 on every attempt: when the budget is spent the operator sees it failed (and admins a dead job).
        h.Graph.AnswerWith(503);
        h.Graph.AnswerWith(503);
        h.Graph.AnswerWith(503);
        var down = await SendWithRetriesAsync(h, conversationId, "Are you there?", expectedAttempts: 3, final: JobState.Dead);
        Assert.Equal((DeliveryStatus.Failed, "WhatsApp did not accept the message after 3 attempts (HTTP 503)."), (down.Status, down.Error));

        // 400: refused for good, not retried, with the Graph API's error for the operator.
        h.Graph.AnswerWith(400, """
            {"error":{"message":"(#131030) Recipient phone number not in allowed list","type":"OAuthException","code":131030,
            "error_data":{"messaging_product":"whatsapp","details":"Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again."},
            "fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}
            """);
        var refused = await SendWithRetriesAsync(h, conversationId, "Hello?", expectedAttempts: 1);
        Assert.Equal(DeliveryStatus.Failed, refused.Status);
        Assert.Equal("WhatsApp error 131030: (#131030) Recipient phone number not in allowed list — Recipient phone number not in allowed list: " +
            "Add recipient phone number to recipient list and try again.", refused.Error);

        Assert.Equal(new[] { 200, 429, 200, 500, 200, 503, 503, 503, 400 }, h.Graph.Requests.Select(r => r.AnsweredWith));
        Assert.All(h.Graph.Requests, r => Assert.Null(r.Problem));
    }

    /// <summary>The operator writes; each failed attempt is followed by moving the clock to its retry. Returns the message as it ends.</summary>
    static async Task<MessageResponse> SendWithRetriesAsync(WhatsAppHarness h, long conversationId, string text, int expectedAttempts,
        JobState final = JobState.Succeeded)
    {
        var skip = h.Jobs.Outcomes.Count;
        var message = await h.OperatorSaysAsync(conversationId, text);
        for (var attempt = 1; ; attempt++)
        {
            var outcome = await h.SendAttemptAsync(skip);
            skip = h.Jobs.Outcomes.ToList().FindIndex(o => o.JobId == outcome.JobId && o.Attempt == outcome.Attempt) + 1;
            Assert.Equal(attempt, outcome.Attempt);
            if (attempt == expectedAttempts)
            {
                Assert.Equal(final, outcome.State);
                break;
            }
            Assert.Equal(JobState.Pending, outcome.State);
            Assert.Equal(DeliveryStatus.Sending, (await h.MessageAsync(conversationId, message.Id)).Status);
            h.AdvanceToRetry(outcome);
        }
        return await h.MessageAsync(conversationId, message.Id);
    }
}
