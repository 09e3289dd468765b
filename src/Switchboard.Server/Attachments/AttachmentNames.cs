using System.Globalization;
using System.Text;
using Switchboard.Core;

namespace Switchboard.Server.Attachments;

/// <summary>The rules for a client attachment id and a file name (docs/api.md § Attachments).</summary>
public static class AttachmentNames
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 255;

    /// <summary>1..64 characters of [A-Za-z0-9_-]; else 400 <c>attachment_id_invalid</c>.</summary>
    public static string ValidateId(string? id) =>
        string.IsNullOrEmpty(id) || id.Length > MaxIdLength || !id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-')
            ? throw new DomainException(AttachmentErrors.IdInvalid, $"clientAttachmentId must be 1 to {MaxIdLength} characters of A-Z, a-z, 0-9, _ and -.",
                DomainErrorKind.Invalid)
            : id;

    /// <summary>
    /// The name to store: path parts stripped (a name is never a path, on any system), bidirectional controls removed (an
    /// RTL override makes <c>invoice‮fdp.exe</c> read as <c>invoiceexe.pdf</c>), trimmed, 1..255 characters; a control
    /// character refuses it with 400 <c>attachment_name_invalid</c>.
    /// </summary>
    public static string Clean(string? name)
    {
        var last = (name ?? "").Split('/', '\\').Last();
        if (last.Any(char.IsControl)) throw Invalid("must not contain control characters");
        var kept = new StringBuilder(last.Length);
        foreach (var ch in last)
            if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.Format || ch == '\u200d') kept.Append(ch);
        var cleaned = kept.ToString().Trim().Trim('.').Trim();
        if (cleaned.Length == 0) throw Invalid("is required");
        if (cleaned.Length > MaxNameLength) throw Invalid($"must be at most {MaxNameLength} characters");
        return cleaned;
    }

    static DomainException Invalid(string why) => new(AttachmentErrors.NameInvalid, $"The file name {why}.", DomainErrorKind.Invalid);

    /// <summary>The lower-case extension without its dot, or "".</summary>
    public static string Extension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name[(dot + 1)..].ToLowerInvariant();
    }
}
