using Switchboard.Client;
using Switchboard.Client.Api;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Contacts;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Sdk;

/// <summary>The .NET SDK's contact calls against a real server, and its live store following <c>contact.*</c> events.</summary>
public sealed class SdkContactsTests
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Theory, BothDatabases]
    public async Task EditsMergesAndPageReportsReachTheLiveStore(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var duplicate = await ws.NewVisitorAsync("Dup");
        var contactId = visitor.Session.ContactId;
        var api = new SwitchboardApiClient(app.CreateDefaultClient());
        await api.LoginAsync(ws.OperatorEmail, TestWorkspace.Password);
        await using var store = await SdkStores.StartAsync(app, api);
        store.LoadContact(await api.GetContactAsync(contactId));
        Assert.Null(store.Contact(contactId)!.Page);

        await (await visitor.Client.ReportPageAsync("https://shop.example/cart", "Cart")).ReadAsync<Switchboard.Server.Contacts.PageReportResponse>();
        await store.WaitUntilAsync(s => s.Contact(contactId)?.Page?.Url == "https://shop.example/cart", Bound);

        var edited = await api.UpdateContactAsync(contactId, WorkflowClient.NewId(), name: "Vera V.", email: "VERA@example.com");
        Assert.Equal("vera@example.com", edited.Contact.Email);
        await store.WaitUntilAsync(s => s.Contact(contactId)?.Name == "Vera V." && s.GetConversation(visitor.ConversationId)?.Contact?.Name == "Vera V.", Bound);
        var refused = await Assert.ThrowsAsync<SwitchboardApiException>(() => api.UpdateContactAsync(contactId, WorkflowClient.NewId(), email: "nope"));
        Assert.Equal("email_invalid", refused.Code);

        var merged = await api.MergeContactAsync(contactId, duplicate.Session.ContactId, WorkflowClient.NewId());
        Assert.False(merged.Replayed);
        await store.WaitUntilAsync(s => s.GetConversation(duplicate.ConversationId)?.Contact?.Id == contactId, Bound);
        var history = await api.ListConversationsAsync(new ConversationFilter(Snoozed: "any") { ContactId = contactId });
        Assert.Equal(new[] { visitor.ConversationId, duplicate.ConversationId }.Order(), history.Items.Select(c => c.Id).Order());
    }
}
