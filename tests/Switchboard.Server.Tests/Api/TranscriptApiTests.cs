using System.Net;
using System.Text.Json;
using Switchboard.Client.Api;
using Switchboard.Server.Conversations;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Attachments;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Api;

public sealed class TranscriptApiTests
{
    [Theory, BothDatabases]
    public async Task TheTextTranscriptHasEveryMessageInOrderWithNotesMarkedAndCarriageReturnsMadeLineBreaks(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync("Ann Example");
        var url = $"/api/v1/conversations/{visitor.ConversationId}";
        await visitor.SayAsync("hello\r\nsecond line");
        await Send(ws.Operator, url, "Hi Ann, how can I help? 👋 مرحبا");
        await Send(ws.Operator, url, "VIP customer", isNote: true);
        await visitor.SayAsync("carriage\rreturn");

        var response = await ws.Operator.GetAsync($"{url}/transcript");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith($"conversation-{visitor.ConversationId}-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();

        Assert.StartsWith($"Conversation {visitor.ConversationId} · ", text);
        Assert.Contains("Contact: Ann Example", text);
        Assert.Contains("(times in UTC)", text);
        var order = new[] { "  hello\n  second line\n", "  Hi Ann, how can I help? 👋 مرحبا\n", "(operator, internal note)\n  VIP customer\n", "  carriage\n  return\n" }
            .Select(part => text.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.OrderBy(i => i), order);
        Assert.Contains("] Ann Example (customer)\n", text);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("\n\n— End of transcript: 4 messages —\n", text);

        var withoutNotes = await ws.Operator.GetStringAsync($"{url}/transcript?notes=false");
        Assert.DoesNotContain("VIP customer", withoutNotes);
        Assert.Contains("carriage", withoutNotes);
    }

    [Theory, BothDatabases]
    public async Task BothTranscriptsListTheFilesMessagesCarry(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync("Fay Files");
        var url = $"/api/v1/conversations/{visitor.ConversationId}";
        await visitor.Client.UploadAsync(visitor.ConversationId, "photo", TestFiles.Png(40, 30), "broken lid.png", "image/png");
        await visitor.Client.UploadAsync(visitor.ConversationId, "receipt", TestFiles.Pdf, "receipt.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.Created, (await visitor.Client.PostJsonAsync($"{url}/messages",
            new { clientMessageId = "files", text = "", attachmentIds = new[] { "photo", "receipt" } })).StatusCode);
        await visitor.SayAsync("and a line of text");

        var text = await ws.Operator.GetStringAsync($"{url}/transcript");
        var files = text.IndexOf("  [file] broken lid.png (image/png, ", StringComparison.Ordinal);
        Assert.True(files > 0, text);
        Assert.Contains($"  [file] receipt.pdf (application/pdf, {TestFiles.Pdf.Length} B)\n", text);
        Assert.True(text.IndexOf("  and a line of text", StringComparison.Ordinal) > files);
        Assert.EndsWith("— End of transcript: 2 messages —\n", text);

        using var json = JsonDocument.Parse(await ws.Operator.GetStringAsync($"{url}/transcript?format=json"));
        var messages = json.RootElement.GetProperty("messages").EnumerateArray().ToList();
        var carried = messages[0].GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()).ToList();
        Assert.Equal(["broken lid.png", "receipt.pdf"], carried);
        Assert.False(messages[1].TryGetProperty("attachments", out _));
    }

    [Theory, BothDatabases]
    public async Task TheJsonTranscriptCarriesTheApiShapesAndEveryMessageOfALongConversation(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var url = $"/api/v1/conversations/{visitor.ConversationId}";
        await visitor.SayAsync("first");
        // More than one page (500) of the export's reads; notes, so no bot or queue runs for each.
        for (var batch = 0; batch < 66; batch++)
            await Task.WhenAll(Enumerable.Range(batch * 8, 8).Select(i => Send(ws.Operator, url, $"note {i}", isNote: true)));
        await visitor.SayAsync("last");
        var conversation = await ws.Operator.GetAsync<ConversationResponse>(url);

        var response = await ws.Operator.GetAsync($"{url}/transcript?format=json");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var root = doc.RootElement;
        Assert.Equal("switchboard.transcript/1", root.GetProperty("format").GetString());
        Assert.Equal(visitor.ConversationId, root.GetProperty("conversation").GetProperty("id").GetInt64());
        Assert.Equal(ws.Inbox.Id, root.GetProperty("inbox").GetProperty("id").GetInt64());
        var messages = root.GetProperty("messages").EnumerateArray().Select(m => m.Deserialize<MessageResponse>(Http.Json)!).ToList();
        Assert.Equal(conversation.MessageCount, messages.Count(m => !m.IsNote)); // the count leaves notes out
        Assert.Equal(messages.Count, root.GetProperty("messageCount").GetInt32());
        Assert.Equal(530, messages.Count); // 528 notes and the two customer messages: more than one page
        // Nothing missing, nothing twice, in conversation order.
        Assert.Equal(Enumerable.Range(1, messages.Count).Select(i => (long)i), messages.Select(m => m.Ordinal));
        Assert.Equal("first", messages[0].Text);
        Assert.Equal("last", messages.Last(m => m.Text is "first" or "last").Text);
        Assert.Equal(528, messages.Count(m => m.IsNote && m.Text.StartsWith("note ", StringComparison.Ordinal)));

        using var publicOnly = JsonDocument.Parse(await ws.Operator.GetStringAsync($"{url}/transcript?format=json&notes=false"));
        Assert.All(publicOnly.RootElement.GetProperty("messages").EnumerateArray(), m => Assert.False(m.GetProperty("isNote").GetBoolean()));
    }

    [Theory, BothDatabases]
    public async Task TimesAreShownInTheAskedTimeZone(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var sent = await (await visitor.SayAsync("konnichiwa")).ReadAsync<PostMessageResponse>();

        var text = await ws.Operator.GetStringAsync($"/api/v1/conversations/{visitor.ConversationId}/transcript?timeZone=Asia/Tokyo");
        var tokyo = sent.Message.CreatedAt.ToOffset(TimeSpan.FromHours(9));
        Assert.Contains("(times in Asia/Tokyo)", text);
        Assert.Contains($"[{tokyo:yyyy-MM-dd HH:mm:ss}] Vera Visitor (customer)\n  konnichiwa", text);
    }

    [Theory, BothDatabases]
    public async Task VisitorsOtherWorkspacesAndBadOptionsAreRefused(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var other = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var url = $"/api/v1/conversations/{visitor.ConversationId}/transcript";

        await (await visitor.Client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.Operator.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await ws.Operator.GetAsync("/api/v1/conversations/999999999/transcript")).AssertProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await ws.Operator.GetAsync($"{url}?format=xml")).AssertProblemAsync(HttpStatusCode.BadRequest, "format_invalid");
        foreach (var zone in new[] { "Mars/Olympus", "../../etc/passwd", new string('A', 500) })
            await (await ws.Operator.GetAsync($"{url}?timeZone={Uri.EscapeDataString(zone)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "time_zone_invalid");
    }

    [Theory, BothDatabases]
    public async Task TheDotNetSdkStreamsTheTranscriptIntoAFileAndReportsRefusals(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        await visitor.SayAsync("from the SDK's side");
        var sdk = new SwitchboardApiClient(app.CreateClient());
        await sdk.LoginAsync(ws.OperatorEmail, TestWorkspace.Password);

        using var file = new MemoryStream();
        var name = await sdk.ExportTranscriptAsync(visitor.ConversationId, file, format: "json");
        Assert.Matches($@"^conversation-{visitor.ConversationId}-\d{{4}}-\d{{2}}-\d{{2}}\.json$", name);
        using var doc = JsonDocument.Parse(file.ToArray());
        Assert.Contains(doc.RootElement.GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString() == "from the SDK's side");

        var refused = await Assert.ThrowsAsync<SwitchboardApiException>(() => sdk.ExportTranscriptAsync(visitor.ConversationId, Stream.Null, timeZone: "Nowhere/At_All"));
        Assert.Equal(("time_zone_invalid", 400), (refused.Code, refused.Status));
    }

    static async Task Send(HttpClient client, string conversationUrl, string text, bool isNote = false) =>
        await (await client.PostJsonAsync($"{conversationUrl}/messages", new { clientMessageId = Guid.NewGuid().ToString("N"), text, isNote }))
            .ReadAsync<PostMessageResponse>();
}
