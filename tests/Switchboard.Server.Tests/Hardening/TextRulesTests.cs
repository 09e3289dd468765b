using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.WhatsApp;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>One rule for odd text at the edge, the same on both databases: refused with 400 text_invalid, nothing written.</summary>
public sealed class TextRulesTests
{
    [Theory, BothDatabases]
    public async Task ControlCharactersSurrogatesAndInvalidUtf8AreRefusedEverywhereAndWriteNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var conv = $"/api/v1/conversations/{visitor.ConversationId}";
        var anonymous = app.CreateClient();

        var cases = new (string Name, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("U+0000 in a message", () => ws.Operator.PostAsync($"{conv}/messages", Json("""{"clientMessageId":"t1","text":"hi\u0000there"}"""))),
            ("U+0000 in a visitor's message", () => visitor.Client.PostAsync($"{conv}/messages", Json("""{"clientMessageId":"t2","text":"\u0000"}"""))),
            ("U+0007 in a message", () => ws.Operator.PostAsync($"{conv}/messages", Json("""{"clientMessageId":"t3","text":"ring \u0007"}"""))),
            ("U+007F in a message", () => ws.Operator.PostAsync($"{conv}/messages", Json("""{"clientMessageId":"t4","text":"del \u007f"}"""))),
            ("U+0085 in a message", () => ws.Operator.PostAsync($"{conv}/messages", Json("""{"clientMessageId":"t5","text":"next \u0085 line"}"""))),
            ("an unpaired surrogate", () => ws.Operator.PostAsync($"{conv}/messages", Json("""{"clientMessageId":"t6","text":"half \ud83d a smile"}"""))),
            ("U+0000 in an anonymous login", () => anonymous.PostAsync("/api/v1/auth/login", Json("""{"email":"a\u0000@b.c","password":"x"}"""))),
            ("U+0000 in a widget session's name", () => anonymous.PostAsync("/api/v1/widget/sessions", Json($$"""{"inboxToken":"{{ws.Inbox.PublicToken}}","name":"Eve\u0000"}"""))),
            ("U+0000 in a member's name", () => ws.Admin.PostAsync("/api/v1/members", Json("""{"email":"new@test.example","name":"N\u0000","password":"long-enough-1"}"""))),
            ("U+0000 in an FAQ entry", () => ws.Admin.PostAsync("/api/v1/faq", Json("""{"question":"Why\u0000?","answer":"Because."}"""))),
            ("U+0000 in an unknown property", () => ws.Operator.PostAsync($"{conv}/messages", Json("""{"clientMessageId":"t7","text":"fine","extra":"\u0000"}"""))),
            ("U+0000 in a property name", () => ws.Operator.PostAsync($"{conv}/messages", Json("""{"clientMessageId":"t8","text":"fine","x\u0000":1}"""))),
            ("invalid UTF-8 in an unknown property", () => ws.Operator.PostAsync($"{conv}/messages", Bytes("{\"clientMessageId\":\"t9\",\"text\":\"fine\",\"extra\":\""u8.ToArray(), [0xC3, 0x28], "\"}"u8.ToArray()))),
            ("U+0000 in a conversations filter", () => ws.Operator.GetAsync("/api/v1/conversations?q=a%00b")),
            ("U+0000 in a contacts filter", () => ws.Operator.GetAsync("/api/v1/contacts?q=%00")),
        };

        foreach (var (name, send) in cases)
        {
            var before = await DatabaseFingerprint.TakeAsync(app);
            var response = await send();
            try { await response.AssertProblemAsync(HttpStatusCode.BadRequest, "text_invalid"); }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"{name}: {e.Message}"); }
            Assert.True(before == await DatabaseFingerprint.TakeAsync(app), $"{name} changed the database");
        }
    }

    [Theory, BothDatabases]
    public async Task TabsAndLineBreaksAreTextButAMessageOfZeroWidthCharactersIsEmpty(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();

        var stored = await (await visitor.SayAsync("line one\r\n\tline two")).ReadAsync<PostMessageResponse>(HttpStatusCode.Created);
        Assert.Equal("line one\r\n\tline two", stored.Message.Text);
        var before = await DatabaseFingerprint.TakeAsync(app);
        await (await visitor.SayAsync("\u200B\u200D\uFEFF \u2060")).AssertProblemAsync(HttpStatusCode.BadRequest, "text_empty");
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(app));
    }

    [Theory, BothDatabases]
    public async Task WhatsAppTextWithControlCharactersIsStoredWithoutThemAndTheJobSucceeds(DatabaseKind db)
    {
        await using var h = await WhatsAppHarness.StartAsync(db);
        var body = WhatsAppHarness.Fixture("inbound-text.json")
            .Replace("Does it come in another color?", @"Does it come\u0000 in another\u0007 color?", StringComparison.Ordinal)
            .Replace("Sheena Nelson", @"Sheena\u0000 Nelson", StringComparison.Ordinal);

        await h.DeliverAsync(body); // fails unless the job succeeded

        var conversationId = await h.CustomerConversationIdAsync();
        var message = Assert.Single((await h.Workspace.Operator.GetAsync<MessagePageResponse>($"/api/v1/conversations/{conversationId}/messages")).Items);
        Assert.Equal(("Does it come in another color?", "Sheena Nelson"), (message.Text, message.SenderName));
    }

    static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    static ByteArrayContent Bytes(params byte[][] parts)
    {
        var content = new ByteArrayContent(parts.SelectMany(p => p).ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
