namespace Switchboard.Server.Bots;

/// <summary>Node-wide bot settings, bound from the <c>Bots</c> section; each workspace configures its bot through the API.</summary>
public sealed class BotsOptions
{
    /// <summary>
    /// Whether customer messages start bot turns at all (installation-wide: set it alike on every node). Off, conversations
    /// still start in the bot state; nobody answers until an operator does or switches the bot off.
    /// </summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How long an engine may take for one reply when the workspace sets nothing (an external bot: until it answers).</summary>
    public TimeSpan DefaultReplyTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>What the bot says before handing off, when the workspace sets nothing ("" for nothing).</summary>
    public string DefaultHandoffMessage { get; set; } = "Let me get a human for you.";
    /// <summary>Recent messages of the conversation an engine sees.</summary>
    public int HistoryLength { get; set; } = 20;
    /// <summary>Best-matching FAQ entries the LLM bot gets as context.</summary>
    public int LlmFaqEntries { get; set; } = 3;
    /// <summary>
    /// Whether the knowledge base matches questions by meaning (a sentence-embedding model, loaded on first use) as well
    /// as by words. Off, it ranks by keywords alone and the model is never loaded.
    /// </summary>
    public bool SemanticSearch { get; set; } = true;
    /// <summary>Attempts of a bot job whose storage failed (an engine's failure hands off instead of retrying).</summary>
    public int MaxJobAttempts { get; set; } = 3;

    public bool IsValid() =>
        DefaultReplyTimeout >= TimeSpan.FromSeconds(1) && DefaultReplyTimeout <= TimeSpan.FromSeconds(BotLimits.MaxReplyTimeoutSeconds)
        && DefaultHandoffMessage.Length <= BotLimits.MaxMessageLength && HistoryLength is >= 1 and <= 200
        && LlmFaqEntries is >= 0 and <= 10 && MaxJobAttempts >= 1;
}
