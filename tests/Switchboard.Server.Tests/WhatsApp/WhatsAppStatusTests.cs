using Switchboard.Core.Messages;
using Switchboard.Server.Jobs;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.WhatsApp;

namespace Switchboard.Server.Tests.WhatsApp;

public sealed class WhatsAppStatusTests
{
    /// <summary>The wamids of the documented status payloads: A for sent/delivered/read, B for failed.</summary>
    const string WamidA = "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";
    const string WamidB = "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcB";
    const string WamidC = "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcC";

    [Theory, BothDatabases]
    public async Task StatusCallbacksOutOfOrderAndRepeatedEndInTheRightStatusWithOneEventPerChange(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        await h.DeliverAsync(WhatsAppHarness.Fixture("inbound-text.json"));
        var conversationId = await h.CustomerConversationIdAsync();
        h.Graph.NextWamids(WamidA, WamidB);
        var (sent, delivered, read, failed) = (Fixture("sent"), Fixture("delivered"), Fixture("read"), Fixture("failed"));

        // A: delivered before read; then a late delivered, a late sent and read again change nothing; failed after delivered is ignored.
        var a = await SendAsync(h, conversationId, "Yes, in blue and green.");
        var cursor = await h.App.CursorAsync(h.Workspace.Id);
        foreach (var body in new[] { delivered, read, delivered, sent, read, failed.Replace(WamidB, WamidA, StringComparison.Ordinal) })
            await h.DeliverAsync(body);
        Assert.Equal(DeliveryStatus.Read, (await h.MessageAsync(conversationId, a.Id)).Status);
        Assert.Equal(new[] { "delivered", "read" }, await h.StatusEventsAsync(a.Id, cursor));

        // B: failed after sent is taken, with Meta's error for the operator; nothing moves a failed message afterwards.
        var b = await SendAsync(h, conversationId, "Shall I reserve one?");
        cursor = await h.App.CursorAsync(h.Workspace.Id);
        foreach (var body in new[] { failed, read.Replace(WamidA, WamidB, StringComparison.Ordinal), failed })
            await h.DeliverAsync(body);
        var failedMessage = await h.MessageAsync(conversationId, b.Id);
        Assert.Equal((DeliveryStatus.Failed, "WhatsApp error 131047: Re-engagement message"), (failedMessage.Status, failedMessage.Error));
        Assert.Equal(new[] { "failed" }, await h.StatusEventsAsync(b.Id, cursor));
        var failedEvent = (await h.App.EventsAsync(h.Workspace.Id, cursor)).Single(e => e.Type == "message.status");
        Assert.Equal("WhatsApp error 131047: Re-engagement message", failedEvent.Data.GetProperty("message").GetProperty("error").GetString());
        Assert.Equal("system", failedEvent.ActorType);
    }

    [Theory, BothDatabases]
    public async Task StatusThatOvertakesTheSendsAnswerIsAppliedWhenTheSendIsRecorded(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        await h.DeliverAsync(WhatsAppHarness.Fixture("inbound-text.json"));
        var conversationId = await h.CustomerConversationIdAsync();
        h.Graph.NextWamids(WamidC);
        var answer = h.Graph.Hold();

        var skip = h.Jobs.Outcomes.Count;
        var c = await h.OperatorSaysAsync(conversationId, "On its way!");
        var cursor = await h.App.CursorAsync(h.Workspace.Id);
        await h.Graph.WaitForAsync(1); // Meta has the message; its answer to us is held back
        await h.DeliverAsync(Fixture("delivered").Replace(WamidA, WamidC, StringComparison.Ordinal));
        Assert.Equal(DeliveryStatus.Sending, (await h.MessageAsync(conversationId, c.Id)).Status);

        answer.SetResult();
        var attempt = await h.SendAttemptAsync(skip);
        Assert.Equal(JobState.Succeeded, attempt.State);
        Assert.Equal(DeliveryStatus.Delivered, (await h.MessageAsync(conversationId, c.Id)).Status);
        Assert.Equal(new[] { "sent", "delivered" }, await h.StatusEventsAsync(c.Id, cursor));
    }

    static string Fixture(string status) => WhatsAppHarness.Fixture($"status-{status}.json");

    /// <summary>The operator writes and the fake Graph API accepts it: the message is sent.</summary>
    static async Task<Server.Messages.MessageResponse> SendAsync(WhatsAppHarness h, long conversationId, string text)
    {
        var skip = h.Jobs.Outcomes.Count;
        var message = await h.OperatorSaysAsync(conversationId, text);
        Assert.Equal(DeliveryStatus.Sending, message.Status);
        Assert.Equal(JobState.Succeeded, (await h.SendAttemptAsync(skip)).State);
        Assert.Equal(DeliveryStatus.Sent, (await h.MessageAsync(conversationId, message.Id)).Status);
        Assert.All(h.Graph.Requests, r => Assert.Null(r.Problem));
        return message;
    }
}
