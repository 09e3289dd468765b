using Switchboard.Core;

namespace Switchboard.Server.WhatsApp;

/// <summary>Validation of what admins and operators send to the WhatsApp endpoints; each refusal names its field.</summary>
public static class WhatsAppInput
{
    public static string Name(string? value)
    {
        var name = value?.Trim() ?? "";
        if (name.Length is 0 or > 100) throw Invalid("name", "Name must be 1 to 100 characters.");
        return name;
    }

    /// <summary>Meta's phone number id (not the phone number): digits.</summary>
    public static string PhoneNumberId(string? value)
    {
        var id = value?.Trim() ?? "";
        if (id.Length is 0 or > 30 || !id.All(char.IsAsciiDigit)) throw Invalid("phone_number_id", "phoneNumberId must be Meta's numeric phone number id (1 to 30 digits).");
        return id;
    }

    public static string Secret(string? value, string field, int maxLength)
    {
        var secret = value?.Trim() ?? "";
        if (secret.Length == 0 || secret.Length > maxLength || secret.Any(ch => ch is < '!' or > '~'))
            throw Invalid(Snake(field), $"{field} must be 1 to {maxLength} printable ASCII characters without spaces.");
        return secret;
    }

    /// <summary>An absolute http(s) URL without query or fragment, kept without its trailing slash.</summary>
    public static string GraphBaseUrl(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || value.Length > 300)
            throw Invalid("graph_base_url", "graphBaseUrl must be an absolute http(s) URL such as https://graph.facebook.com/v21.0.");
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    static DomainException Invalid(string field, string message) => new($"{field}_invalid", message, DomainErrorKind.Invalid);

    static string Snake(string camel) => string.Concat(camel.Select(ch => char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : ch.ToString()));
}
