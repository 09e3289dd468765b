using Switchboard.Server.Bots;
using Switchboard.Server.Bots.KnowledgeBase;

namespace Switchboard.Server.Tests.Bots;

/// <summary>How the bot reads a reply to its question with buttons, without a search: taps, yes, no, positions, both.</summary>
public sealed class AskedQuestionTests
{
    static readonly KnowledgeBaseIndex Faq = new(BotTestKit.FixtureEntries().Select(e => new FaqEntry(e.Id, e.Question, e.Answer)));
    static readonly FaqEntry Tracking = Faq.Find("How can I track my order?")!;
    static readonly FaqEntry Address = Faq.Find("How do I change my delivery address?")!;
    static readonly AskedQuestion WhichOne = new([Tracking.Question, Address.Question]);
    static readonly AskedQuestion DidYouMean = new([Tracking.Question]);

    [Theory]
    [InlineData("the first one", 0)]
    [InlineData("First one please", 0)]
    [InlineData("1", 0)]
    [InlineData("#1", 0)]
    [InlineData("option 1.", 0)]
    [InlineData("the top one", 0)]
    [InlineData("2", 1)]
    [InlineData("2nd", 1)]
    [InlineData("the second one, thanks", 1)]
    [InlineData("no, the second one", 1)]
    [InlineData("the last one", 1)]
    [InlineData("I mean the latter", 1)]
    [InlineData("HOW CAN I TRACK MY ORDER?", 0)]
    [InlineData("  How do I change my delivery address?  ", 1)]
    public void APositionOrATappedOptionAnswersThatEntry(string reply, int position)
    {
        var outcome = WhichOne.Read(reply, Faq);
        Assert.Equal(BotOutcome.Reply(new[] { Tracking, Address }[position].Answer), outcome);
    }

    [Theory]
    [InlineData("both")]
    [InlineData("Both of them!")]
    public void BothAnswersBothInTheOrderOffered(string reply) =>
        Assert.Equal(BotOutcome.Reply(Tracking.Answer + "\n\n" + Address.Answer), WhichOne.Read(reply, Faq));

    [Theory]
    [InlineData("neither")]
    [InlineData("None of them")]
    [InlineData("no")]
    public void NeitherHandsOffNamingWhatWasOffered(string reply)
    {
        var outcome = WhichOne.Read(reply, Faq)!;
        Assert.Equal(BotOutcomeKind.Handoff, outcome.Kind);
        Assert.Equal($"The customer said neither of the bot's suggestions is what they mean: \"{Tracking.Question}\", \"{Address.Question}\"", outcome.Reason);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yep!", true)]
    [InlineData("that one", true)]
    [InlineData("the first one", true)]
    [InlineData("nope", false)]
    public void ASuggestionIsAnsweredByYesOrNo(string reply, bool yes)
    {
        var outcome = DidYouMean.Read(reply, Faq)!;
        Assert.Equal(yes ? BotOutcomeKind.Reply : BotOutcomeKind.Handoff, outcome.Kind);
        if (yes) Assert.Equal(Tracking.Answer, outcome.Text);
        else Assert.Equal($"The customer said the bot's suggestion is not what they mean: \"{Tracking.Question}\"", outcome.Reason);
    }

    [Theory]
    [InlineData("yes")] // which of two? a yes does not say
    [InlineData("that one")]
    [InlineData("the third one")]
    [InlineData("3")]
    [InlineData("first, how much is shipping to Austria?")]
    [InlineData("the one about my address")] // in other words: ranked by meaning (KnowledgeBaseAmbiguityTests)
    [InlineData("")]
    public void AnythingElseIsLeftToTheSearch(string reply) => Assert.Null(WhichOne.Read(reply, Faq));

    [Fact]
    public void AnEntryRemovedSinceItWasOfferedIsNotAnswered()
    {
        var removed = new AskedQuestion(["How do I cancel my subscription to the moon?"]);
        Assert.Null(removed.Read("yes", Faq));
    }

    [Fact]
    public void BothNeedsTwoOptions() => Assert.Null(DidYouMean.Read("both", Faq));
}
