using Switchboard.Core.Messages;
using TextRules = Switchboard.Core.Text.TextRules;

namespace Switchboard.Core.CannedReplies;

/// <summary>What a canned reply may be: its short code, title, text and scope, each refused with a stable code.</summary>
public static class CannedReplyRules
{
    public const int MaxCodeLength = 32;
    public const int MaxTitleLength = 100;
    /// <summary>As long as a message: the reply is sent as one.</summary>
    public const int MaxTextLength = MessageText.MaxLength;
    /// <summary>Per scope and owner: a list the composer can still show and filter in full.</summary>
    public const int MaxPerOwner = 500;

    /// <summary>Lower-case letters, digits, '-' and '_', starting with a letter or digit; compared and stored lower-case.</summary>
    public static string Code(string? code)
    {
        var c = code?.Trim().ToLowerInvariant() ?? "";
        if (c.Length is 0 or > MaxCodeLength || !IsCodeStart(c[0]) || !c.All(ch => IsCodeStart(ch) || ch is '-' or '_'))
            throw new DomainException("canned_reply_code_invalid",
                $"shortCode must be 1 to {MaxCodeLength} letters a-z, digits, '-' or '_', starting with a letter or digit.", DomainErrorKind.Invalid);
        return c;
    }

    public static string Title(string? title)
    {
        var t = title?.Trim() ?? "";
        if (TextRules.IsBlank(t) || t.Length > MaxTitleLength)
            throw new DomainException("canned_reply_title_invalid", $"title must be 1 to {MaxTitleLength} characters.", DomainErrorKind.Invalid);
        return t;
    }

    /// <summary>The text, trimmed; its placeholders must all be known (<see cref="CannedReplyPlaceholders"/>).</summary>
    public static string Text(string? text)
    {
        var t = text?.Trim() ?? "";
        if (TextRules.IsBlank(t) || t.Length > MaxTextLength)
            throw new DomainException("canned_reply_text_invalid", $"text must be 1 to {MaxTextLength} characters.", DomainErrorKind.Invalid);
        var unknown = CannedReplyPlaceholders.Unknown(t);
        if (unknown.Count > 0)
            throw new DomainException("canned_reply_placeholder_unknown",
                $"Unknown placeholder {{{{{unknown[0]}}}}}; known: {string.Join(", ", CannedReplyPlaceholders.Fallbacks.Keys.Select(k => "{{" + k + "}}"))}.",
                DomainErrorKind.Invalid) { Details = new Dictionary<string, object?> { ["placeholders"] = unknown } };
        return t;
    }

    public static CannedReplyScope Scope(string? scope) => scope switch
    {
        "workspace" => CannedReplyScope.Workspace,
        "personal" => CannedReplyScope.Personal,
        _ => throw new DomainException("canned_reply_scope_invalid", "scope must be \"workspace\" or \"personal\".", DomainErrorKind.Invalid),
    };

    static bool IsCodeStart(char ch) => ch is >= 'a' and <= 'z' or >= '0' and <= '9';
}
