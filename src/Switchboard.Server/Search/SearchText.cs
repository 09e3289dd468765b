using System.Globalization;
using System.Text;

namespace Switchboard.Server.Search;

/// <summary>
/// Words as both databases' indexes see them: runs of letters and digits, compared case- and accent-folded
/// (SQLite's unicode61 with remove_diacritics, PostgreSQL's 'simple' over sb_search_fold). The server cuts snippets
/// with it, so they read the same on both databases.
/// </summary>
public static class SearchText
{
    /// <summary>Where each word of <paramref name="text"/> starts and how long it is (UTF-16 units).</summary>
    public static List<(int Start, int Length)> Spans(string text)
    {
        var spans = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text, i);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                spans.Add((start, i - start));
                start = -1;
            }
        }
        return spans;
    }

    public static List<string> Words(string text) => Spans(text).Select(s => text.Substring(s.Start, s.Length)).ToList();

    // The Latin letters with diacritics and their base letters, the same table as sb_search_fold in PostgreSQL's
    // migration 0013 (the server runs with invariant globalization, so string.Normalize cannot decompose them).
    const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ";
    const string Plain = "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy";
    static readonly Dictionary<char, char> Unaccented = Accented.Zip(Plain).ToDictionary(p => p.First, p => p.Second);

    /// <summary>Lower case without accents: "Café" and "cafe" fold alike.</summary>
    public static string Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var c in word)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(char.ToLowerInvariant(Unaccented.GetValueOrDefault(c, c)));
        return folded.ToString();
    }

    // Letters, digits and the marks that decorate them; a surrogate pair (an emoji) is not a word character.
    static bool IsWordChar(string text, int i) => CharUnicodeInfo.GetUnicodeCategory(text[i]) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark => true,
        _ => false,
    };
}
