using System.Text.RegularExpressions;
using Switchboard.Core;
using Switchboard.Core.Text;

namespace Switchboard.Server.Labels;

/// <summary>What a label may look like, checked before any write so bad input changes nothing.</summary>
public static partial class LabelRules
{
    public const int MaxNameLength = 40;
    public const int MaxDescriptionLength = 200;
    /// <summary>A workspace's labels: enough for any taxonomy a team can read at a glance, few enough to list in one menu.</summary>
    public const int MaxPerWorkspace = 200;
    /// <summary>Labels on one conversation: chips stay readable in a list row.</summary>
    public const int MaxPerConversation = 20;

    public static string Name(string? name)
    {
        var n = name?.Trim() ?? "";
        if (n.Length is 0 or > MaxNameLength || n.Any(TextRules.IsRefusedControl) || n.Contains('\n') || n.Contains('\t') || n.Contains('\r'))
            throw new DomainException("label_name_invalid", $"A label name is 1 to {MaxNameLength} characters on one line.", DomainErrorKind.Invalid);
        return n;
    }

    /// <summary>The key names are unique by: two labels may not differ only in case.</summary>
    public static string NameKey(string name) => name.ToLowerInvariant();

    /// <summary>Colours are <c>#rrggbb</c>, stored lower-case, so clients can compute a readable text colour for the chip.</summary>
    public static string Colour(string? colour)
    {
        var c = colour?.Trim() ?? "";
        if (!HexColour().IsMatch(c))
            throw new DomainException("label_colour_invalid", "A label colour is #rrggbb, such as #1f77b4.", DomainErrorKind.Invalid);
        return c.ToLowerInvariant();
    }

    /// <summary>Blank means none.</summary>
    public static string? Description(string? description)
    {
        var d = description?.Trim() ?? "";
        if (d.Length > MaxDescriptionLength || d.Any(TextRules.IsRefusedControl))
            throw new DomainException("label_description_invalid", $"A label description is at most {MaxDescriptionLength} characters.", DomainErrorKind.Invalid);
        return d.Length == 0 ? null : d;
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
