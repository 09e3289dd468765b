using System.Globalization;

namespace Switchboard.Core.Text;

/// <summary>
/// The one rule for text from outside, the same on SQLite and PostgreSQL: control characters (U+0000–U+001F,
/// U+007F–U+009F) other than tab, line feed and carriage return, and unpaired surrogates, are not text. The API
/// refuses them; a channel that cannot be asked again (a WhatsApp webhook) strips them.
/// </summary>
public static class TextRules
{
    /// <summary>Whether this UTF-16 unit is refused on its own (a surrogate is judged with its neighbour, see <see cref="IndexOfRefused"/>).</summary>
    public static bool IsRefusedControl(char ch) => ch is (< ' ' and not ('\t' or '\n' or '\r')) or (>= '\u007f' and <= '\u009f');

    /// <summary>The index of the first refused character, or -1 when the text is clean.</summary>
    public static int IndexOfRefused(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (IsRefusedControl(ch)) return i;
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(ch)) return i;
        }
        return -1;
    }

    /// <summary>The text without its refused characters (the same text when it is clean).</summary>
    public static string Strip(string text)
    {
        if (IndexOfRefused(text) < 0) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) kept.Append(ch).Append(text[++i]);
            else if (!IsRefusedControl(ch) && !char.IsSurrogate(ch)) kept.Append(ch);
        }
        return kept.ToString();
    }

    /// <summary>
    /// Whether nothing in the text would show: only white space and invisible format characters (zero-width space and
    /// joiners, word joiner, byte order mark, soft hyphen, …). Such a message reads as empty to the person receiving it.
    /// </summary>
    public static bool IsBlank(string text)
    {
        foreach (var ch in text)
            if (!char.IsWhiteSpace(ch) && CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.Format && ch != '\u3164' && ch != '\u2800')
                return false;
        return true;
    }
}
