using Switchboard.Client;
using Switchboard.Client.Api;
using Switchboard.Client.Sync;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Snooze;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Sdk;

/// <summary>The .NET SDK's live store against a real server: one operator snoozes, a second operator's store follows live.</summary>
public sealed class SdkSnoozeTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Theory, BothDatabases]
    public async Task ASnoozeFromOneStoreShowsInAnotherAndTheCustomersMessageWakesItInBoth(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false }, extraOperators: 1);
        var visitor = await ws.NewVisitorAsync();
        var id = visitor.ConversationId;
        await using var a = await StoreAsync(app, ws.OperatorEmail);
        await using var b = await StoreAsync(app, ws.ExtraOperators[0].Email);
        await b.WaitUntilAsync(s => s.GetConversation(id) is not null, Bound);

        var until = DateTimeOffset.UtcNow.AddHours(1);
        a.UpdateConversation(id, new ConversationPatch { Snooze = SnoozeChange.At(until) });
        Assert.True(a.GetConversation(id)!.IsSnoozed); // at once, before the server answered
        await b.WaitUntilAsync(s => s.GetConversation(id)?.SnoozedUntil is not null, Bound);
        Assert.Equal(until.ToUnixTimeMilliseconds(), b.GetConversation(id)!.SnoozedUntil!.Value.ToUnixTimeMilliseconds());
        await a.WaitUntilAsync(s => s.PendingCount == 0, Bound);

        // Snoozed the other way, by the second operator; then the customer writes.
        b.UpdateConversation(id, new ConversationPatch { Snooze = SnoozeChange.UntilCustomerReplies });
        await a.WaitUntilAsync(s => s.GetConversation(id) is { SnoozeUntilReply: true, SnoozedUntil: null }, Bound);
        await visitor.WriteAsync("Hello again");
        foreach (var store in new[] { a, b })
            await store.WaitUntilAsync(s => s.GetConversation(id) is { IsSnoozed: false, WakeReason: "customer_replied" }, Bound);

        // Dismissing the marker is an unsnooze: gone in both.
        a.UpdateConversation(id, new ConversationPatch { Snooze = SnoozeChange.Wake });
        await b.WaitUntilAsync(s => s.GetConversation(id) is { WakeReason: null }, Bound);
        Assert.Throws<ArgumentException>(() => a.UpdateConversation(id, new ConversationPatch { Snooze = SnoozeChange.Wake, Resolved = true }));

        // The direct API call, and its refusal code.
        var api = new SwitchboardApiClient(app.CreateDefaultClient());
        await api.LoginAsync(ws.OperatorEmail, TestWorkspace.Password);
        var error = await Assert.ThrowsAsync<SwitchboardApiException>(() =>
            api.SnoozeConversationAsync(id, WorkflowClient.NewId(), SnoozeChange.At(DateTimeOffset.UtcNow.AddDays(-1))));
        Assert.Equal("snooze_until_invalid", error.Code);
        var snoozed = await api.SnoozeConversationAsync(id, WorkflowClient.NewId(), SnoozeChange.UntilCustomerReplies);
        Assert.True(snoozed.Conversation.IsSnoozed);
        Assert.Equal([id], (await api.ListConversationsAsync(new ConversationFilter(Snoozed: "true"))).Items.Select(c => c.Id));
        Assert.Empty((await api.ListConversationsAsync()).Items);
    }

    static async Task<LiveStore> StoreAsync(TestApp app, string email)
    {
        var api = new SwitchboardApiClient(app.CreateDefaultClient());
        await api.LoginAsync(email, TestWorkspace.Password);
        return await SdkStores.StartAsync(app, api);
    }
}
