using Switchboard.Server.Bots;
using Switchboard.Server.Bots.KnowledgeBase;

namespace Switchboard.Server.Tests.Bots;

/// <summary>A longer message's asking sentences are compared on their own too, so the story before a question does not drown it.</summary>
public sealed class AskingSentencesTests
{
    [Theory]
    [InlineData("I ordered boots last week. They are too small. Can I swap them for a bigger pair?", "Can I swap them for a bigger pair?")]
    [InlineData("Can I pay by invoice? We are a company and need one for accounting.", "Can I pay by invoice?")]
    [InlineData("My card got blocked! Which other ways can I pay? And is PayPal fine?", "Which other ways can I pay?|And is PayPal fine?")]
    [InlineData("my order went to my old flat\nhow do i change the address?", "how do i change the address?")]
    [InlineData("The parcel is late again?! Where is it now?", "The parcel is late again?!|Where is it now?")]
    public void EachSentenceEndingInAQuestionMarkWithThreeWordsOrMore(string message, string asking) =>
        Assert.Equal(asking.Split('|'), AskingSentences.Of(message));

    [Theory]
    [InlineData("where is my parcel??")] // one sentence: the message itself is the question
    [InlineData("How long does shipping to Norway take?")]
    [InlineData("I ordered boots last week. They are too small.")] // nothing asked in a sentence of its own
    [InlineData("The zip broke after a month. Why?")] // too short to say anything without the story
    [InlineData("")]
    public void NoneForOneSentenceOrNoQuestion(string message) => Assert.Empty(AskingSentences.Of(message));

    [Fact]
    public void AMessageOfManyQuestionsCostsAtMostThreeMoreEmbeddings()
    {
        // Hostile input: as long a message as a visitor may send, made of short questions (over 300 of them).
        var questions = new List<string>();
        while (string.Join(' ', questions.Append($"is it {questions.Count}?")).Length <= Switchboard.Core.Messages.MessageText.MaxLength)
            questions.Add($"is it {questions.Count}?");
        Assert.True(questions.Count > 300);
        Assert.Equal(questions[^AskingSentences.MaximumSentences..], AskingSentences.Of(string.Join(' ', questions)));
    }

    [Fact]
    public void AStoryBeforeTheQuestionNoLongerHidesWhichEntryAnswersIt()
    {
        var faq = BotTestKit.EmbedFixture();
        var warranty = faq.Entries.Single(e => e.Question == "What does your warranty cover?");
        // From faq-blind4.json, where the engine before this one handed it off.
        const string story = "The zipper on the coat I bought from you eight months ago just came apart, and I haven't done anything unusual with it.";
        const string question = "Is that something your guarantee covers?";

        // The story alone reads as a damaged delivery; said as one message, the story outweighs the question.
        var whole = faq.Index(new WholeMessageOnly(faq.Embedder)).Search($"{story} {question}", take: 2);
        Assert.NotEqual(warranty.Id, whole[0].Entry.Id);
        Assert.Equal("handoff", KnowledgeBaseBot.Verdict(KnowledgeBaseBot.Decide(whole, KnowledgeBaseBotOptions.DefaultConfidenceThreshold)));

        var matches = faq.Index().Search($"{story} {question}", take: 2);
        Assert.Equal((warranty.Id, question), (matches[0].Entry.Id, matches[0].MatchedSentence));
        Assert.Null(whole[0].MatchedSentence);
        Assert.Equal("answer", KnowledgeBaseBot.Verdict(KnowledgeBaseBot.Decide(matches, KnowledgeBaseBotOptions.DefaultConfidenceThreshold)));
    }

    /// <summary>The engine before asking sentences: every text it is given reads as the first, the whole message.</summary>
    sealed class WholeMessageOnly(ITextEmbedder inner) : ITextEmbedder
    {
        public string Model => inner.Model;
        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
            Enumerable.Repeat(inner.Embed([texts[0]], cancellationToken)[0], texts.Count).ToList();
    }
}
