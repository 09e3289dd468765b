namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>Defaults of the knowledge-base bot; a workspace's bot settings may override the threshold.</summary>
public sealed class KnowledgeBaseBotOptions
{
    /// <summary>
    /// Below this confidence the bot hands off instead of answering. Chosen on faq-paraphrases.json (tune and old
    /// held-out parts): just above its highest off-topic question (0.433), where 50 of its 60 paraphrases still answer.
    /// </summary>
    public const double DefaultConfidenceThreshold = 0.44;

    /// <summary>The threshold to set where the node matches by keywords only (<c>Bots:SemanticSearch</c> off).</summary>
    public const double KeywordOnlyConfidenceThreshold = 0.30;

    public double ConfidenceThreshold { get; set; } = DefaultConfidenceThreshold;
}
