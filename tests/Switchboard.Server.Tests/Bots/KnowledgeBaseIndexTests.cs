using System.Text.Json;
using Switchboard.Server.Bots.KnowledgeBase;
using Xunit.Abstractions;

namespace Switchboard.Server.Tests.Bots;

public sealed class KnowledgeBaseIndexTests(ITestOutputHelper output)
{
    /// <summary>The threshold the keyword-only engine (semantic search off) was tuned for; see docs/bots.md.</summary>
    const double Threshold = KnowledgeBaseBotOptions.KeywordOnlyConfidenceThreshold;

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("agreed", "agre")]
    [InlineData("motoring", "motor")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("digitizer", "digit")]
    [InlineData("predication", "predic")]
    [InlineData("hopefulness", "hope")]
    [InlineData("electrical", "electr")]
    [InlineData("adjustment", "adjust")]
    [InlineData("adoption", "adopt")]
    [InlineData("effective", "effect")]
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    [InlineData("controll", "control")]
    [InlineData("shipping", "ship")]
    [InlineData("shipped", "ship")]
    public void PorterStemmerMatchesTheReferenceOutput(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Fact]
    public void AnalyzerFoldsAccentsAndDropsStopwords() =>
        Assert.Equal(["cafe", "ship"], TextAnalyzer.Terms("Is the café's DELIVERY")); // "delivery" stems to "deliveri", a synonym of "ship"

    [Fact]
    public void ParaphrasedQuestionsFindTheirAnswerAndOutOfScopeOnesHandOff()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bots", "faq-fixture.json")));
        var entries = doc.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => new FaqEntry(e.GetProperty("id").GetInt64(), e.GetProperty("question").GetString()!, e.GetProperty("answer").GetString()!)).ToList();
        var index = new KnowledgeBaseIndex(entries);

        var paraphrases = doc.RootElement.GetProperty("paraphrases").EnumerateArray().ToList();
        var correct = 0;
        foreach (var p in paraphrases)
        {
            var q = p.GetProperty("q").GetString()!;
            var expected = p.GetProperty("expect").GetInt64();
            var best = index.Search(q).FirstOrDefault();
            var ok = best is not null && best.Entry.Id == expected && best.Confidence >= Threshold;
            if (ok) correct++;
            output.WriteLine($"{(ok ? "ok  " : "MISS")} {best?.Confidence:F2} #{best?.Entry.Id,-2} (want #{expected,-2}) {q}");
        }
        var handedOff = 0;
        var outOfScope = doc.RootElement.GetProperty("outOfScope").EnumerateArray().Select(e => e.GetString()!).ToList();
        foreach (var q in outOfScope)
        {
            var best = index.Search(q).FirstOrDefault();
            var handoff = best is null || best.Confidence < Threshold;
            if (handoff) handedOff++;
            output.WriteLine($"{(handoff ? "off " : "ANSW")} {best?.Confidence:F2} #{best?.Entry.Id} {q}");
        }
        var accuracy = (double)correct / paraphrases.Count;
        output.WriteLine($"paraphrase accuracy: {correct}/{paraphrases.Count} = {accuracy:P1}; out-of-scope handed off: {handedOff}/{outOfScope.Count}");
        Assert.True(paraphrases.Count >= 30);
        Assert.True(accuracy >= 0.9, $"accuracy {accuracy:P1} below 90 %");
        Assert.Equal(outOfScope.Count, handedOff);
    }
}
