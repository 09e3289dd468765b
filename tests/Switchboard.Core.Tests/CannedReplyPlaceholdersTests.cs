using Switchboard.Core.CannedReplies;

namespace Switchboard.Core.Tests;

public sealed class CannedReplyPlaceholdersTests
{
    static readonly IReadOnlyDictionary<string, string?> Ada = CannedReplyPlaceholders.Values("Ada Lovelace", "ada@example.com", "Otto Operator");

    [Fact]
    public void KnownPlaceholdersAreFilledFromTheContactAndTheOperator() =>
        Assert.Equal("Hi Ada (Ada Lovelace, ada@example.com), Otto Operator here. Otto",
            CannedReplyPlaceholders.Fill("Hi {{contact.first_name}} ({{ contact.name }}, {{contact.email}}), {{operator.name}} here. {{operator.first_name}}", Ada));

    [Fact]
    public void AMissingOrBlankValueFallsBackSensibly() =>
        Assert.Equal("Hi there, write to  any time. our team",
            CannedReplyPlaceholders.Fill("Hi {{contact.name}}, write to {{contact.email}} any time. {{operator.first_name}}",
                CannedReplyPlaceholders.Values("  ", null, null)));

    [Fact]
    public void UnknownPlaceholdersAreNamedOnceInOrderAndLeftAsWrittenWhenFilling()
    {
        Assert.Equal(["contact.nmae", "order.id"], CannedReplyPlaceholders.Unknown("{{contact.nmae}} {{order.id}} {{contact.nmae}} {{contact.name}}"));
        Assert.Equal("{{order.id}} Ada", CannedReplyPlaceholders.Fill("{{order.id}} {{contact.first_name}}", Ada));
    }

    [Theory]
    [InlineData("Refund", "refund")]
    [InlineData(" vat-id_2 ", "vat-id_2")]
    public void ShortCodesAreTrimmedAndLowerCased(string code, string stored) => Assert.Equal(stored, CannedReplyRules.Code(code));

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("_lead")]
    [InlineData("é")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void BadShortCodesAreRefused(string code) =>
        Assert.Equal("canned_reply_code_invalid", Assert.Throws<DomainException>(() => CannedReplyRules.Code(code)).Code);

    /// <summary>Property: text without braces is never changed, and a filled known placeholder never survives filling.</summary>
    [Fact]
    public void FillingChangesOnlyPlaceholdersAndLeavesNoKnownOne()
    {
        var random = new Random(20);
        var names = CannedReplyPlaceholders.Fallbacks.Keys.ToArray();
        const string alphabet = "ab c,.!\n{}ü";
        for (var i = 0; i < 500; i++)
        {
            var plain = new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length - 3)]).ToArray());
            Assert.Equal(plain, CannedReplyPlaceholders.Fill(plain, Ada));
            var template = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => plain + "{{" + names[random.Next(names.Length)] + "}}"));
            var filled = CannedReplyPlaceholders.Fill(template, Ada);
            Assert.DoesNotContain("{{", filled, StringComparison.Ordinal);
            Assert.Empty(CannedReplyPlaceholders.Unknown(template));
        }
    }
}
