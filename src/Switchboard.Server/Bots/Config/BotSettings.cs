namespace Switchboard.Server.Bots.Config;

/// <summary>
/// The stored, secret-free part of a bot configuration (<c>bot_configs.settings</c>). Every field is optional: in the
/// workspace's row a missing field takes the default, in an inbox's row it inherits the workspace's value. An empty
/// <see cref="Greeting"/> or <see cref="HandoffMessage"/> means "none" (and overrides an inherited one).
/// </summary>
public sealed record BotSettings
{
    public BotEngineKind? Engine { get; init; }
    public string? Greeting { get; init; }
    public double? ConfidenceThreshold { get; init; }
    /// <summary>Phrases that hand off at once, besides the built-in ones (<see cref="HandoffPhrases.BuiltIn"/>).</summary>
    public IReadOnlyList<string>? HandoffPhrases { get; init; }
    public string? HandoffMessage { get; init; }
    public int? ReplyTimeoutSeconds { get; init; }
    public string? LlmBaseUrl { get; init; }
    public string? LlmModel { get; init; }
    public string? LlmSystemPrompt { get; init; }
    public double? LlmTemperature { get; init; }
    public string? ExternalUrl { get; init; }

    /// <summary>This row's values over <paramref name="inherited"/>'s, field by field.</summary>
    public BotSettings Over(BotSettings inherited) => new()
    {
        Engine = Engine ?? inherited.Engine,
        Greeting = Greeting ?? inherited.Greeting,
        ConfidenceThreshold = ConfidenceThreshold ?? inherited.ConfidenceThreshold,
        HandoffPhrases = HandoffPhrases ?? inherited.HandoffPhrases,
        HandoffMessage = HandoffMessage ?? inherited.HandoffMessage,
        ReplyTimeoutSeconds = ReplyTimeoutSeconds ?? inherited.ReplyTimeoutSeconds,
        LlmBaseUrl = LlmBaseUrl ?? inherited.LlmBaseUrl,
        LlmModel = LlmModel ?? inherited.LlmModel,
        LlmSystemPrompt = LlmSystemPrompt ?? inherited.LlmSystemPrompt,
        LlmTemperature = LlmTemperature ?? inherited.LlmTemperature,
        ExternalUrl = ExternalUrl ?? inherited.ExternalUrl,
    };
}
