namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>Defaults of the knowledge-base bot; a workspace's bot settings may override the threshold.</summary>
public sealed class KnowledgeBaseBotOptions
{
    /// <summary>Below this confidence the bot hands off instead of answering (chosen on the tune half of faq-paraphrases.json).</summary>
    public const double DefaultConfidenceThreshold = 0.40;

    /// <summary>The threshold to set where the node matches by keywords only (<c>Bots:SemanticSearch</c> off).</summary>
    public const double KeywordOnlyConfidenceThreshold = 0.30;

    public double ConfidenceThreshold { get; set; } = DefaultConfidenceThreshold;
}
