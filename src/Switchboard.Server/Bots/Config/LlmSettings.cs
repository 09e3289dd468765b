namespace Switchboard.Server.Bots.Config;

/// <summary>Where the LLM bot sends its chat completions. <see cref="ApiKey"/> is decrypted: keep it in memory only, never log it.</summary>
public sealed record LlmSettings(Uri? BaseUrl, string? Model, string? ApiKey, string? SystemPrompt, double? Temperature);
