using System.Text.RegularExpressions;

namespace Switchboard.Core.CannedReplies;

/// <summary>
/// The placeholders a canned reply may hold (<c>{{contact.name}}</c> …) and how they are filled. The server only
/// checks that a saved reply names known ones, so a typo never reaches a customer; the composer fills them (the
/// SDKs hold the same table) and the operator sees the final text before sending.
/// </summary>
public static partial class CannedReplyPlaceholders
{
    /// <summary>Every known placeholder and what it becomes when its value is missing.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fallbacks = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["contact.name"] = "there",
        ["contact.first_name"] = "there",
        ["contact.email"] = "",
        ["operator.name"] = "our team",
        ["operator.first_name"] = "our team",
    };

    // Inner spaces are allowed ({{ contact.name }}); anything else between braces is a name to check.
    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>The placeholder names of <paramref name="text"/> that are not known, in order of appearance, each once.</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(n => !Fallbacks.ContainsKey(n)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Replaces each known placeholder by its value from <paramref name="values"/> (trimmed), or its fallback when the
    /// value is missing or blank; unknown ones stay as written.
    /// </summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string?> values) =>
        Placeholder().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            if (!Fallbacks.TryGetValue(name, out var fallback)) return m.Value;
            return values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : fallback;
        });

    /// <summary>The values of a contact and an operator by their names: the first name is the name's first word.</summary>
    public static IReadOnlyDictionary<string, string?> Values(string? contactName, string? contactEmail, string? operatorName) =>
        new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["contact.name"] = contactName,
            ["contact.first_name"] = FirstName(contactName),
            ["contact.email"] = contactEmail,
            ["operator.name"] = operatorName,
            ["operator.first_name"] = FirstName(operatorName),
        };

    static string? FirstName(string? name) =>
        name?.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
