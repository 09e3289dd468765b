namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>Defaults of the knowledge-base bot; a workspace's bot settings may override the threshold.</summary>
public sealed class KnowledgeBaseBotOptions
{
    /// <summary>Below this confidence the bot hands off instead of answering.</summary>
    public const double DefaultConfidenceThreshold = 0.30;

    public double ConfidenceThreshold { get; set; } = DefaultConfidenceThreshold;
}
