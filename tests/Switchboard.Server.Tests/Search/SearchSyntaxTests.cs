using Switchboard.Server.Search;

namespace Switchboard.Server.Tests.Search;

/// <summary>The query reader and the snippet cutter, without a database.</summary>
public sealed class SearchSyntaxTests
{
    [Theory]
    [InlineData("refund", "(\"refund\"*)")]
    [InlineData("\"refund\"", "(\"refund\")")]
    [InlineData("ab", "(\"ab\")")]
    [InlineData("late \"blue bicycle\" -red", "(\"late\"* AND \"blue bicycle\") NOT \"red\"")]
    [InlineData("NEAR(a b) c* col:umn", "(\"NEAR a\" AND \"b\" AND \"c\" AND \"col umn\")")]
    [InlineData("\"unbalanced phrase", "(\"unbalanced phrase\")")]
    [InlineData("x -\"a b\" - * ^y", "(\"x\" AND \"y\") NOT \"a b\"")]
    public void QueriesBecomeQuotedFts5Terms(string q, string fts5) => Assert.Equal(fts5, SearchQuery.Parse(q).ToFts5());

    [Fact]
    public void SnippetsMarkTheWholeWordAPrefixFound()
    {
        var snippet = SearchSnippets.Cut("Two invoices and one Invoice", SearchQuery.Parse("invoice"));
        Assert.Equal([new SearchHighlight(4, 8), new SearchHighlight(21, 7)], snippet.Highlights);
        var exact = SearchSnippets.Cut("Two invoices and one Invoice", SearchQuery.Parse("\"invoice\""));
        Assert.Equal([new SearchHighlight(21, 7)], exact.Highlights);
    }

    [Fact]
    public void SnippetsMarkFoldedMatchesAndCutLongTextsAroundTheFirst()
    {
        var phrase = SearchSnippets.Cut("Meet me at the Café Crème, please", SearchQuery.Parse("\"café creme\" meet"));
        Assert.Equal([new SearchHighlight(0, 4), new SearchHighlight(15, 10)], phrase.Highlights);
        var query = SearchQuery.Parse("cafe creme");
        var snippet = SearchSnippets.Cut("Meet me at the Café Crème, please", query);
        Assert.Equal("Meet me at the Café Crème, please", snippet.Text);
        Assert.Equal([new SearchHighlight(15, 4), new SearchHighlight(20, 5)], snippet.Highlights);

        var text = string.Concat(Enumerable.Repeat("lorem ipsum ", 40)) + "the needle is here " + string.Concat(Enumerable.Repeat("dolor sit ", 40));
        var cut = SearchSnippets.Cut(text, SearchQuery.Parse("needle"));
        Assert.StartsWith("…", cut.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", cut.Text, StringComparison.Ordinal);
        Assert.True(cut.Text.Length <= 224, cut.Text);
        var mark = Assert.Single(cut.Highlights);
        Assert.Equal("needle", cut.Text.Substring(mark.Start, mark.Length));
    }
}
