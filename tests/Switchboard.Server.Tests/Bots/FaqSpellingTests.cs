using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Server.Bots.KnowledgeBase;

namespace Switchboard.Server.Tests.Bots;

/// <summary>Typos in the FAQ's own words are mended before a question is embedded; nothing else is touched.</summary>
public sealed class FaqSpellingTests
{
    static readonly FaqEntry[] Entries =
    [
        new(1, "How do I reset my password?", "Open Settings → Account and choose \"Reset password\"."),
        new(2, "How do I change my delivery address?", "Edit the address under Orders, with your inches and sizes.") { Phrasings = ["can I unsubscribe from the newsletter"] },
        new(3, "Which payment methods do you accept?", "Cards, PayPal, and invoices. We ship with DHL."),
        new(4, "Do you have shops?", "Our shops are in Berlin and Vienna."),
    ];

    /// <summary>The model's vocabulary, as far as these tests need it: real words it knows whole.</summary>
    static readonly HashSet<string> Vocabulary = ["forgot", "my", "the", "shoes", "what", "with", "which", "typo", "in", "how", "to", "from", "dont", "like"];

    static readonly FaqSpelling Spelling = new(Entries, Vocabulary.Contains);

    [Theory]
    [InlineData("forgot my pasword", "forgot my password")] // a letter dropped
    [InlineData("typo in my adress", "typo in my address")]
    [InlineData("how do i chnage my adress", "how do i change my address")] // two letters swapped
    [InlineData("how to unsubcribe from the newsletter", "how to unsubscribe from the newsletter")] // a phrasing's word
    [InlineData("Forgot my PASWORD!!", "Forgot my password!!")] // punctuation and the other words as typed
    [InlineData("paymnet methods?", "payment methods?")]
    public void AMisspeltFaqWordIsMended(string typed, string read) => Assert.Equal(read, Spelling.Correct(typed));

    [Theory]
    [InlineData("do you sell shoes")] // "shoes" is one letter from "shops", but a word the model knows
    [InlineData("the 41 pinches")] // one letter from "inches", but not the same first letter
    [InlineData("how do refunds work")] // not an FAQ word at all
    [InlineData("im between m and l, wich one")] // "with" and "which" both fit: no guess
    [InlineData("whats the fastest way")] // "what" + s: left alone
    [InlineData("passwords")] // an FAQ word + s
    [InlineData("pw")] // too short to mend
    [InlineData("")]
    public void EverythingElseIsLeftAsTyped(string typed) => Assert.Equal(typed, Spelling.Correct(typed));

    [Theory]
    [InlineData("pasword", "password", true)]
    [InlineData("passwrod", "password", true)]
    [InlineData("passsword", "password", true)]
    [InlineData("passward", "password", true)]
    [InlineData("password", "password", false)]
    [InlineData("pasword", "passwords", false)]
    [InlineData("psaswrod", "password", false)]
    [InlineData("ab", "ba", true)]
    public void OneEditIsAnInsertionADeletionASubstitutionOrASwapOfNeighbours(string a, string b, bool expected)
    {
        Assert.Equal(expected, FaqSpelling.OneEditApart(a, b));
        Assert.Equal(expected, FaqSpelling.OneEditApart(b, a));
    }

    [Fact]
    public void TheModelKnowsWholeWordsOfItsVocabularyAndNotTheirTypos()
    {
        var model = new MiniLmEmbedder(NullLogger<MiniLmEmbedder>.Instance);
        Assert.All(["password", "address", "return", "shoes", "the"], w => Assert.True(model.Knows(w), w));
        Assert.All(["pasword", "adress", "retrun", "##ing", "[UNK]", "Password"], w => Assert.False(model.Knows(w), w));
    }
}
