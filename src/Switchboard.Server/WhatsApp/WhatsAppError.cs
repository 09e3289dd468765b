namespace Switchboard.Server.WhatsApp;

/// <summary>
/// The error text an operator sees on a failed WhatsApp message, built from Meta's error object (code, title,
/// message, details), for example <c>WhatsApp error 131047: Re-engagement message</c>.
/// </summary>
public static class WhatsAppError
{
    const int MaxLength = 500;

    public static string Describe(CloudError? error, string fallback)
    {
        if (error is null) return fallback;
        var parts = new[] { error.Title ?? error.ErrorUserTitle, error.Message, error.ErrorData?.Details ?? error.ErrorUserMsg }
            .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Switchboard.Core.Text.TextRules.Strip(p!).Trim()).Distinct(StringComparer.Ordinal).ToList();
        var text = parts.Count == 0 ? fallback : string.Join(" — ", parts);
        if (error.Code is { } code) text = $"WhatsApp error {code}: {text}";
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }
}
