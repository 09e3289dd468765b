using System.Text;
using System.Text.Json;
using Switchboard.Server.WhatsApp;

namespace Switchboard.Server.Tests.WhatsApp;

public sealed class WhatsAppUnitTests
{
    [Fact]
    public void SignatureIsCheckedOverTheExactBytes()
    {
        var body = Encoding.UTF8.GetBytes("""{"object":"whatsapp_business_account"}""");
        // Written out without the server's helper: sha256= and the lowercase hex HMAC-SHA256 with the app secret.
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), body));
        Assert.Equal(expected, WhatsAppSignature.Compute("s3cret", body));
        Assert.True(WhatsAppSignature.Verify("s3cret", expected, body));
        Assert.True(WhatsAppSignature.Verify("s3cret", expected.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal), body));
        Assert.False(WhatsAppSignature.Verify("other", expected, body));
        Assert.False(WhatsAppSignature.Verify("s3cret", expected, [.. body, (byte)' ']));
        Assert.False(WhatsAppSignature.Verify("s3cret", expected[..^2], body));
        Assert.False(WhatsAppSignature.Verify("s3cret", null, body));
        Assert.False(WhatsAppSignature.Verify("s3cret", "sha1=" + expected[7..], body));
    }

    [Theory]
    [InlineData("""{"type":"text","text":{"body":"  hi  "}}""", "text", null, "hi")]
    [InlineData("""{"type":"video","video":{"id":"77","caption":"look"}}""", "video", "77", "look")]
    [InlineData("""{"type":"image","image":{"caption":"no media id"}}""", "image", null, "[image] no media id")]
    [InlineData("""{"type":"reaction","reaction":{"message_id":"wamid.X","emoji":"👍"}}""", "reaction", null, "[reaction] 👍")]
    [InlineData("""{"type":"reaction","reaction":{"message_id":"wamid.X","emoji":""}}""", "reaction", null, "[reaction removed]")]
    [InlineData("""{"type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"b1","title":"Track my order"}}}""", "interactive", null, "Track my order")]
    [InlineData("""{"type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"qr:How do I get an invoice with VAT?","title":"How do I get an inv…"}}}""", "interactive", null, "How do I get an invoice with VAT?")]
    [InlineData("""{"type":"button","button":{"payload":"p","text":"Stop promotions"}}""", "button", null, "Stop promotions")]
    [InlineData("""{"type":"contacts","contacts":[{"name":{"formatted_name":"Ann Lee"}},{"name":{"formatted_name":"Bo Ma"}}]}""", "contacts", null, "[contacts] Ann Lee, Bo Ma")]
    [InlineData("""{"type":"order","order":{"catalog_id":"1"}}""", "order", null, "[order]")]
    [InlineData("""{"type":"Weird Type!"}""", "unknown", null, "[unknown]")]
    public void InboundMessagesOfEveryTypeAreKeptAsText(string json, string kind, string? mediaId, string text)
    {
        var mapped = WhatsAppInboundMapper.Map(JsonDocument.Parse(json).RootElement, "wamid.1");
        Assert.Equal((kind, mediaId, text, "wamid.1"), (mapped.Content.Kind, mapped.Content.MediaId, mapped.Text, mapped.Content.ExternalId));
    }

    [Fact]
    public void QuickRepliesGoOutAsReplyButtonsThatCarryTheWholeOption()
    {
        var message = new Switchboard.Server.Messages.MessageRow
        {
            Id = 1, Text = "Which of these do you mean?\n• How do I get an invoice with VAT?\n• How can I track my order?\n• No, talk to a person",
            Kind = Switchboard.Server.Messages.MessageKinds.QuickReplies,
            Details = new Switchboard.Server.Messages.QuickRepliesDetails(["How do I get an invoice with VAT?", "How can I track my order?", Switchboard.Server.Bots.KnowledgeBase.KnowledgeBaseBot.TalkToAPerson]).ToContent().Details,
        };
        var body = WhatsAppOutbound.Body(message, "4915100000000");
        Assert.Equal("interactive", (string?)body["type"]);
        Assert.Equal(message.Text, (string?)body["interactive"]!["body"]!["text"]);
        var buttons = body["interactive"]!["action"]!["buttons"]!.AsArray();
        Assert.Equal(["qr:How do I get an invoice with VAT?", "qr:How can I track my order?", "qr:No, talk to a person"], buttons.Select(b => (string?)b!["reply"]!["id"]));
        // WhatsApp's titles hold 20 characters: the way out fits whole.
        Assert.Equal(["How do I get an inv…", "How can I track my …", "No, talk to a person"], buttons.Select(b => (string?)b!["reply"]!["title"]));
    }
}
