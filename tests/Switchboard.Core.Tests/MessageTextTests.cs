using Switchboard.Core;
using Switchboard.Core.Messages;

namespace Switchboard.Core.Tests;

public sealed class MessageTextTests
{
    [Fact]
    public void TextIsTrimmed() => Assert.Equal("hi", MessageText.Normalize("  hi \n"));

    [Theory]
    [InlineData(null, "text_empty")]
    [InlineData("", "text_empty")]
    [InlineData("   \t\n", "text_empty")]
    public void EmptyTextIsRefused(string? text, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => MessageText.Normalize(text)).Code);

    [Fact]
    public void TextUpTo4096CharactersAfterTrimmingIsAccepted()
    {
        Assert.Equal(4096, MessageText.Normalize(" " + new string('a', 4096) + " ").Length);
        Assert.Equal("text_too_long", Assert.Throws<DomainException>(() => MessageText.Normalize(new string('a', 4097))).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("é")]
    public void ClientIdsMustBePrintableAscii(string id) =>
        Assert.Equal("client_message_id_invalid", Assert.Throws<DomainException>(() => MessageText.ValidateClientId(id, "clientMessageId")).Code);
}
