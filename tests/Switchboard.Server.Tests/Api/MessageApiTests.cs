using System.Net;
using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Conversations;
using Switchboard.Server.Members;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Api;

public sealed class MessageApiTests
{
    [Theory, BothDatabases]
    public async Task MessagesUpdateCountersInTheSameTransaction(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        await visitor.SayAsync("first");
        var reply = await (await ws.Operator.PostJsonAsync($"/api/v1/conversations/{visitor.ConversationId}/messages", new { clientMessageId = "r1", text = "Hi, Otto here" }))
            .ReadAsync<PostMessageResponse>(HttpStatusCode.Created);

        Assert.Equal(2, reply.Conversation.MessageCount);
        Assert.Equal(reply.Message.CreatedAt, reply.Conversation.LastMessageAt);
        Assert.Equal("Hi, Otto here", reply.Conversation.LastMessagePreview);
        Assert.Equal(ConversationState.WaitingCustomer, reply.Conversation.State);
        Assert.Equal(ws.OperatorId, reply.Conversation.AssigneeId); // took over from the bot
        Assert.Equal("Otto Operator", reply.Message.SenderName);
        var member = await ws.Operator.GetAsync<MemberResponse>($"/api/v1/members/{ws.OperatorId}");
        Assert.Equal(1, member.TotalMessages);
    }

    [Theory, BothDatabases]
    public async Task MessagesPageInConversationOrder(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        for (var i = 1; i <= 12; i++) await visitor.SayAsync($"m{i}");
        var url = $"/api/v1/conversations/{visitor.ConversationId}/messages";

        var latest = await ws.Operator.GetAsync<MessagePageResponse>($"{url}?limit=5");
        Assert.Equal(["m8", "m9", "m10", "m11", "m12"], latest.Items.Select(m => m.Text));
        Assert.True(latest.HasMore);
        Assert.Equal(await LoggedEvents.CursorAsync(app, ws.Id), latest.Cursor);
        var older = await ws.Operator.GetAsync<MessagePageResponse>($"{url}?limit=5&before={latest.Items[0].Ordinal}");
        Assert.Equal(["m3", "m4", "m5", "m6", "m7"], older.Items.Select(m => m.Text));
        var newer = await ws.Operator.GetAsync<MessagePageResponse>($"{url}?limit=100&after=10");
        Assert.Equal(["m11", "m12"], newer.Items.Select(m => m.Text));
        Assert.False(newer.HasMore);
    }

    [Theory, BothDatabases]
    public async Task NotesStayWithTheTeam(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var cursor = await LoggedEvents.CursorAsync(app, ws.Id);
        var note = await (await ws.Operator.PostJsonAsync($"/api/v1/conversations/{visitor.ConversationId}/messages", new { clientMessageId = "n1", text = "VIP customer", isNote = true }))
            .ReadAsync<PostMessageResponse>(HttpStatusCode.Created);
        Assert.True(note.Message.IsNote);
        Assert.Equal(ConversationState.Bot, note.Conversation.State); // a note is not a reply

        var e = Assert.Single(await LoggedEvents.AfterAsync(app, ws.Id, cursor), e => e.ConversationId is not null);
        Assert.Null(e.PublicPayload);
        Assert.Empty((await visitor.Client.GetAsync<MessagePageResponse>($"/api/v1/conversations/{visitor.ConversationId}/messages")).Items);
        Assert.Single((await ws.Operator.GetAsync<MessagePageResponse>($"/api/v1/conversations/{visitor.ConversationId}/messages")).Items);
    }

    [Theory, BothDatabases]
    public async Task ReceiptsMoveStatusesForwardNeverBack(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var url = $"/api/v1/conversations/{visitor.ConversationId}";
        var q = await (await visitor.SayAsync("question")).ReadAsync<PostMessageResponse>();
        var a1 = await (await ws.Operator.PostJsonAsync($"{url}/messages", new { clientMessageId = "a1", text = "answer 1" })).ReadAsync<PostMessageResponse>();
        var a2 = await (await ws.Operator.PostJsonAsync($"{url}/messages", new { clientMessageId = "a2", text = "answer 2" })).ReadAsync<PostMessageResponse>();
        Assert.Equal(2, (await visitor.Client.GetAsync<ConversationResponse>(url)).UnreadCount);

        var cursor = await LoggedEvents.CursorAsync(app, ws.Id);
        await (await visitor.Client.PostJsonAsync($"{url}/receipts", new { status = "read", upToMessageId = a1.Message.Id })).ReadAsync<ConversationWriteResponse>();
        // A late "delivered" for everything must not move a1 back from read.
        await (await visitor.Client.PostJsonAsync($"{url}/receipts", new { status = "delivered", upToMessageId = a2.Message.Id })).ReadAsync<ConversationWriteResponse>();
        var again = await (await visitor.Client.PostJsonAsync($"{url}/receipts", new { status = "delivered", upToMessageId = a2.Message.Id })).ReadAsync<ConversationWriteResponse>();

        var messages = (await ws.Operator.GetAsync<MessagePageResponse>($"{url}/messages")).Items.ToDictionary(m => m.Id);
        Assert.Equal(DeliveryStatus.Read, messages[a1.Message.Id].Status);
        Assert.Equal(DeliveryStatus.Delivered, messages[a2.Message.Id].Status);
        Assert.Equal(DeliveryStatus.Sent, messages[q.Message.Id].Status); // the visitor's receipts never touch their own messages
        Assert.Equal(1, again.Conversation.UnreadCount);

        var events = await LoggedEvents.AfterAsync(app, ws.Id, cursor);
        Assert.Equal(["message.status", "conversation.read", "message.status"], events.Select(e => e.Type));
        Assert.Equal(again.Seq, events[^1].Seq); // the repeated receipt wrote nothing and answers the current cursor

        // The team reads: the customer's message becomes read and the team's unread count drops to zero.
        var teamRead = await (await ws.Operator.PostJsonAsync($"{url}/receipts", new { status = "read", upToMessageId = a2.Message.Id })).ReadAsync<ConversationWriteResponse>();
        Assert.Equal(0, teamRead.Conversation.UnreadCount);
        Assert.Equal(DeliveryStatus.Read, (await visitor.Client.GetAsync<MessagePageResponse>($"{url}/messages")).Items.Single(m => m.Id == q.Message.Id).Status);
    }

    [Theory, BothDatabases]
    public async Task ResolvedConversationReopensWhenTheCustomerWrites(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        await (await ws.Operator.PatchJsonAsync($"/api/v1/conversations/{visitor.ConversationId}", new { mutationId = "res", resolved = true })).ReadAsync<ConversationWriteResponse>();
        var again = await (await visitor.SayAsync("one more thing")).ReadAsync<PostMessageResponse>();
        Assert.Equal(ConversationState.Bot, again.Conversation.State);
    }
}
