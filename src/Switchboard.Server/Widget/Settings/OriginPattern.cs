namespace Switchboard.Server.Widget.Settings;

/// <summary>
/// An allowed origin: exact (<c>https://shop.example.com</c>, <c>http://127.0.0.1:5173</c>) or a wildcard over
/// subdomains (<c>https://*.example.com</c>, which matches <c>https://a.example.com</c> and <c>https://a.b.example.com</c>
/// but not <c>https://example.com</c> itself: list that too if the apex embeds the widget).
/// </summary>
public sealed record OriginPattern(string Scheme, string Host, int Port, bool Wildcard)
{
    /// <summary>Parses what an admin typed (a trailing slash is forgiven); null when it is not an origin.</summary>
    public static OriginPattern? Parse(string? text)
    {
        var value = text?.Trim().TrimEnd('/').ToLowerInvariant();
        if (string.IsNullOrEmpty(value) || value.Length > 253) return null;
        var wildcard = false;
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && value.AsSpan(schemeEnd + 3).StartsWith("*."))
        {
            wildcard = true;
            value = value[..(schemeEnd + 3)] + value[(schemeEnd + 5)..];
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
            || value.Contains('*') || uri.Host.Length == 0 || uri.HostNameType == UriHostNameType.Unknown)
            return null;
        // "https://*.com" would allow half the web: a wildcard needs at least a registrable-looking name under it.
        if (wildcard && (uri.HostNameType != UriHostNameType.Dns || !uri.Host.Contains('.'))) return null;
        return new OriginPattern(uri.Scheme, uri.IdnHost, uri.Port, wildcard);
    }

    /// <summary>Whether a browser's <c>Origin</c> header (already parsed as an exact origin) is allowed by this pattern.</summary>
    public bool Matches(OriginPattern origin) =>
        !origin.Wildcard && origin.Scheme == Scheme && origin.Port == Port
        && (Wildcard ? origin.Host.EndsWith("." + Host, StringComparison.Ordinal) : origin.Host == Host);

    public override string ToString() =>
        $"{Scheme}://{(Wildcard ? "*." : "")}{Host}{(Port == (Scheme == "https" ? 443 : 80) ? "" : ":" + Port)}";
}
