namespace Switchboard.Core.Messages;

/// <summary>Validation of message text and client-generated ids, shared by every channel.</summary>
public static class MessageText
{
    public const int MaxLength = 4096;
    public const int MaxClientIdLength = 100;

    /// <summary>Trims the text and checks its length (1..4096 after trimming, not only invisible characters).</summary>
    public static string Normalize(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        // A message of zero-width characters alone would show the other side an empty bubble.
        if (Text.TextRules.IsBlank(trimmed))
            throw new DomainException("text_empty", "Message text must not be empty.", DomainErrorKind.Invalid);
        if (trimmed.Length > MaxLength)
            throw new DomainException("text_too_long", $"Message text must be at most {MaxLength} characters.", DomainErrorKind.Invalid);
        return trimmed;
    }

    /// <summary>Checks a client-generated id (<c>clientMessageId</c>, <c>mutationId</c>): 1..100 printable ASCII characters.</summary>
    public static string ValidateClientId(string? id, string field)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxClientIdLength || id.Any(ch => ch is < '!' or > '~'))
            throw new DomainException($"{ToSnake(field)}_invalid",
                $"{field} must be 1 to {MaxClientIdLength} printable ASCII characters without spaces.", DomainErrorKind.Invalid);
        return id;
    }

    static string ToSnake(string camel) => string.Concat(camel.Select(ch => char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : ch.ToString()));
}
