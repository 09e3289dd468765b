using Switchboard.Core;
using Switchboard.Server.Common;

namespace Switchboard.Server.Bots.Config;

/// <summary>Turns a <see cref="BotConfigRequest"/> into stored settings, refusing out-of-range input with a code naming the field.</summary>
public static class BotConfigValidator
{
    /// <summary><paramref name="current"/> with the fields the request names replaced (PATCH); pass an empty one to build an override (PUT).</summary>
    public static BotSettings Apply(BotSettings current, BotConfigRequest request)
    {
        var llm = request.Llm;
        var external = request.External;
        return current with
        {
            Engine = request.Engine is null ? current.Engine : EnumText.ParseInput<BotEngineKind>(request.Engine, "engine"),
            Greeting = request.Greeting is null ? current.Greeting : Text(request.Greeting, BotLimits.MaxMessageLength, "greeting"),
            ConfidenceThreshold = request.ConfidenceThreshold is { } t
                ? t is >= 0 and <= 1 ? t : throw Invalid("confidence_threshold", "confidenceThreshold must be 0 to 1.")
                : current.ConfidenceThreshold,
            HandoffPhrases = request.HandoffPhrases is null ? current.HandoffPhrases : Phrases(request.HandoffPhrases),
            HandoffMessage = request.HandoffMessage is null ? current.HandoffMessage : Text(request.HandoffMessage, BotLimits.MaxMessageLength, "handoffMessage"),
            ReplyTimeoutSeconds = request.ReplyTimeoutSeconds is { } s
                ? s is >= 1 and <= BotLimits.MaxReplyTimeoutSeconds ? s : throw Invalid("reply_timeout_seconds", $"replyTimeoutSeconds must be 1 to {BotLimits.MaxReplyTimeoutSeconds}.")
                : current.ReplyTimeoutSeconds,
            LlmBaseUrl = llm?.BaseUrl is null ? current.LlmBaseUrl : Url(llm.BaseUrl, "llm_base_url", "llm.baseUrl"),
            LlmModel = llm?.Model is null ? current.LlmModel : NullIfEmpty(Text(llm.Model, BotLimits.MaxModelLength, "llm.model")),
            LlmSystemPrompt = llm?.SystemPrompt is null ? current.LlmSystemPrompt : NullIfEmpty(Text(llm.SystemPrompt, BotLimits.MaxSystemPromptLength, "llm.systemPrompt")),
            LlmTemperature = llm?.Temperature is { } temperature
                ? temperature is >= 0 and <= 2 ? temperature : throw Invalid("llm_temperature", "llm.temperature must be 0 to 2.")
                : current.LlmTemperature,
            ExternalUrl = external?.Url is null ? current.ExternalUrl : Url(external.Url, "external_url", "external.url"),
        };
    }

    /// <summary>Validates a write-only secret: null keeps the stored one, "" removes it.</summary>
    public static string? Secret(string? secret, int minLength, string code, string field)
    {
        if (secret is null or "") return secret;
        if (secret.Length < minLength || secret.Length > BotLimits.MaxSecretLength || secret.Any(char.IsControl))
            throw Invalid(code, $"{field} must be {minLength} to {BotLimits.MaxSecretLength} characters without control characters.");
        return secret;
    }

    /// <summary>
    /// An engine that cannot run as configured is refused when it is chosen, not discovered at the first customer
    /// message. The LLM needs no key: a local model server (Ollama, llama.cpp) takes none.
    /// </summary>
    public static void RequireUsable(BotSettings effective, bool externalSecretSet)
    {
        if (effective.Engine == BotEngineKind.Llm && (effective.LlmBaseUrl is null || effective.LlmModel is null))
            throw new DomainException("llm_incomplete", "The llm engine needs llm.baseUrl and llm.model.", DomainErrorKind.Invalid);
        if (effective.Engine == BotEngineKind.External && (effective.ExternalUrl is null || !externalSecretSet))
            throw new DomainException("external_incomplete", "The external engine needs external.url and external.secret.", DomainErrorKind.Invalid);
    }

    static IReadOnlyList<string> Phrases(IReadOnlyList<string> phrases)
    {
        if (phrases.Count > BotLimits.MaxHandoffPhrases)
            throw Invalid("handoff_phrases", $"handoffPhrases may list at most {BotLimits.MaxHandoffPhrases} phrases.");
        var cleaned = phrases.Select(p => p?.Trim() ?? "").ToList();
        if (cleaned.Any(p => p.Length is 0 or > BotLimits.MaxPhraseLength || HandoffPhrases.Words(p).Count == 0))
            throw Invalid("handoff_phrases", $"Each handoff phrase must have a word and at most {BotLimits.MaxPhraseLength} characters.");
        return cleaned.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    static string Text(string text, int max, string field)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > max) throw Invalid(Snake(field), $"{field} must be at most {max} characters.");
        return trimmed;
    }

    static string? Url(string url, string code, string field)
    {
        if (url.Length == 0) return null;
        if (url.Length > BotLimits.MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
            throw Invalid(code, $"{field} must be an absolute http(s) URL without credentials, at most {BotLimits.MaxUrlLength} characters.");
        return uri.ToString();
    }

    static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    static string Snake(string field) => string.Concat(field.Replace('.', '_').Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary><paramref name="field"/> is the snake_case field name; the code is <c>{field}_invalid</c>.</summary>
    static DomainException Invalid(string field, string message) => new($"{field}_invalid", message, DomainErrorKind.Invalid);
}
