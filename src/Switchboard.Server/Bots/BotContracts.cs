using Switchboard.Server.Bots.Config;

namespace Switchboard.Server.Bots;

/// <summary>
/// A bot configuration as the admin API shows it. Secrets are write-only: only whether one is set is shown. In an inbox
/// override a null field inherits the workspace's value.
/// </summary>
public sealed record BotConfigResponse(
    BotEngineKind? Engine,
    string? Greeting,
    double? ConfidenceThreshold,
    IReadOnlyList<string>? HandoffPhrases,
    string? HandoffMessage,
    int? ReplyTimeoutSeconds,
    LlmConfigResponse Llm,
    ExternalBotConfigResponse External,
    long Version,
    DateTimeOffset? UpdatedAt);

public sealed record LlmConfigResponse(string? BaseUrl, string? Model, string? SystemPrompt, double? Temperature, bool ApiKeySet);

public sealed record ExternalBotConfigResponse(string? Url, bool SecretSet);

/// <summary>An inbox's override and the configuration in force for its conversations.</summary>
public sealed record InboxBotConfigResponse(long InboxId, BotConfigResponse Override, BotConfigResponse Effective);

/// <summary>
/// Change a bot configuration. <c>PATCH /bot</c>: absent fields stay as they are. <c>PUT /bot/inboxes/{id}</c>: the override
/// becomes exactly this, absent fields inherit (secrets excepted: absent keeps the stored one). An empty string clears
/// a field; for <c>greeting</c> and <c>handoffMessage</c> it means "say nothing".
/// </summary>
public sealed record BotConfigRequest(
    string? Engine,
    string? Greeting,
    double? ConfidenceThreshold,
    IReadOnlyList<string>? HandoffPhrases,
    string? HandoffMessage,
    int? ReplyTimeoutSeconds,
    LlmConfigRequest? Llm,
    ExternalBotConfigRequest? External);

/// <summary><c>apiKey</c> is stored encrypted and never shown again; "" removes it.</summary>
public sealed record LlmConfigRequest(string? BaseUrl, string? Model, string? ApiKey, string? SystemPrompt, double? Temperature);

/// <summary><c>secret</c> (16+ characters) signs the webhooks to <c>url</c>; stored encrypted, never shown again; "" removes it.</summary>
public sealed record ExternalBotConfigRequest(string? Url, string? Secret);

/// <summary>The data of a <c>bot.delta</c> signal: the next piece of the reply <c>replyId</c> (the final message's <c>clientMessageId</c>).</summary>
public sealed record BotDeltaData(string ReplyId, int Index, string Text);

/// <summary>
/// The data of a <c>bot.reply.end</c> signal: the reply <c>replyId</c> is <c>completed</c> (stored as message
/// <c>messageId</c>) or <c>abandoned</c> for <c>reason</c> (<see cref="ReplyEndReasons"/>): nothing of it will be stored.
/// </summary>
public sealed record BotReplyEndData(string ReplyId, string Outcome, long? MessageId, string? Reason)
{
    public static BotReplyEndData Completed(string replyId, long messageId) => new(replyId, ReplyEndReasons.Completed, messageId, null);

    public static BotReplyEndData Abandoned(string replyId, string reason) => new(replyId, ReplyEndReasons.Abandoned, null, reason);
}
