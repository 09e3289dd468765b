using Switchboard.Core;

namespace Switchboard.Server.Contacts;

/// <summary>
/// The page a widget reports: an absolute http(s) URL of at most <see cref="MaxUrlLength"/> characters (its fragment
/// kept, for hash routers), a title cut to <see cref="MaxTitleLength"/>, a BCP 47 language tag and an IANA time zone.
/// Anything else is refused with 400 <c>page_invalid</c>. The location hint is derived from the language's region and the
/// time zone only: no address lookup, and nothing when neither names a place.
/// </summary>
public static class ContactPages
{
    public const int MaxUrlLength = 2048;
    public const int MaxTitleLength = 200;
    const string Code = "page_invalid";

    public sealed record Page(string Url, string? Title, string? Language, string? TimeZone);

    public static Page Validate(ReportPageRequest request)
    {
        var url = request.Url?.Trim();
        if (string.IsNullOrEmpty(url) || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || url.Any(char.IsControl))
            throw new DomainException(Code, $"url must be an http or https URL of at most {MaxUrlLength} characters.", DomainErrorKind.Invalid);
        var title = request.Title is null ? null : new string(request.Title.Where(ch => !char.IsControl(ch)).ToArray()).Trim();
        if (title is { Length: > MaxTitleLength }) title = title[..MaxTitleLength];
        return new Page(uri.ToString() == url ? url : uri.AbsoluteUri, string.IsNullOrEmpty(title) ? null : title, Language(request.Language), TimeZone(request.TimeZone));
    }

    /// <summary>A language tag such as <c>de-CH</c> (letters, digits and hyphens, at most 35 characters), or null.</summary>
    public static string? Language(string? tag)
    {
        var t = tag?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (t.Length > 35 || !t.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-') || !char.IsAsciiLetter(t[0]))
            throw new DomainException(Code, "language must be a language tag such as de-CH.", DomainErrorKind.Invalid);
        return t;
    }

    /// <summary>An IANA time zone this server knows (<c>Europe/Zurich</c>), or null.</summary>
    public static string? TimeZone(string? zone)
    {
        var z = zone?.Trim();
        if (string.IsNullOrEmpty(z)) return null;
        if (z.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(z, out _))
            throw new DomainException(Code, "timeZone must be an IANA time zone such as Europe/Zurich.", DomainErrorKind.Invalid);
        return z;
    }

    /// <summary>
    /// "Europe/Zurich · CH": the time zone, and the region subtag of the language tag (<c>de-CH</c>), if it has one. Both are what
    /// the browser says; neither is a located address, and nothing is guessed when neither names a place.
    /// </summary>
    public static string? LocationHint(string? language, string? timeZone)
    {
        // The region is the first subtag after the language of two letters or three digits (de-CH, es-419, zh-Hant-TW).
        var region = language?.Split('-').Skip(1).FirstOrDefault(s => (s.Length == 2 && s.All(char.IsAsciiLetter)) || (s.Length == 3 && s.All(char.IsAsciiDigit)))
            ?.ToUpperInvariant();
        var parts = new[] { timeZone, region }.Where(p => p is not null).ToArray();
        return parts.Length == 0 ? null : string.Join(" · ", parts);
    }

    public static ContactPageResponse ToResponse(string? url, string? title, string? language, string? timeZone, DateTimeOffset seenAt) =>
        new(url ?? "", title, language, timeZone, LocationHint(language, timeZone), seenAt);
}
