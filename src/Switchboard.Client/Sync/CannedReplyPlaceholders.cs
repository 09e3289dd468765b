using System.Text.RegularExpressions;

namespace Switchboard.Client.Sync;

/// <summary>
/// Fills a canned reply's placeholders, as the composer does when one is inserted: the same table as the server's
/// (which refuses unknown names on save) and the TypeScript SDK's <c>fillPlaceholders</c>.
/// </summary>
public static partial class CannedReplyPlaceholders
{
    /// <summary>Every known placeholder and what it becomes when its value is missing or blank.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fallbacks = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["contact.name"] = "there",
        ["contact.first_name"] = "there",
        ["contact.email"] = "",
        ["operator.name"] = "our team",
        ["operator.first_name"] = "our team",
    };

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>Replaces each known placeholder by its (trimmed) value or its fallback; unknown ones stay as written.</summary>
    public static string Fill(string text, string? contactName, string? contactEmail, string? operatorName)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["contact.name"] = contactName,
            ["contact.first_name"] = FirstName(contactName),
            ["contact.email"] = contactEmail,
            ["operator.name"] = operatorName,
            ["operator.first_name"] = FirstName(operatorName),
        };
        return Placeholder().Replace(text, m =>
        {
            if (!Fallbacks.TryGetValue(m.Groups[1].Value, out var fallback)) return m.Value;
            return values[m.Groups[1].Value] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : fallback;
        });
    }

    /// <summary>The names in <paramref name="text"/> that are not known placeholders, each once, in order.</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(n => !Fallbacks.ContainsKey(n)).Distinct(StringComparer.Ordinal).ToList();

    static string? FirstName(string? name) => name?.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
