namespace Switchboard.Server.Bots.Config;

/// <summary>The bot configuration in force for one conversation: defaults, then the workspace's, then its inbox's override.</summary>
public sealed record BotConfig(
    BotEngineKind Engine,
    string? Greeting,
    double ConfidenceThreshold,
    IReadOnlyList<string> HandoffPhrases,
    string? HandoffMessage,
    TimeSpan ReplyTimeout,
    LlmSettings Llm,
    ExternalBotSettings External);
