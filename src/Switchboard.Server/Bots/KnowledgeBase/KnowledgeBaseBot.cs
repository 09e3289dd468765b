using System.Globalization;
using Switchboard.Server.Bots.Config;

namespace Switchboard.Server.Bots.KnowledgeBase;

/// <summary>
/// The built-in, offline bot: answers with the best-matching FAQ entry when its confidence reaches the threshold,
/// and hands off below it, naming the closest entry so the operator sees what the bot thought.
/// </summary>
public sealed class KnowledgeBaseBot : IBotEngine
{
    public BotEngineKind Kind => BotEngineKind.KnowledgeBase;

    public Task<BotOutcome> RespondAsync(BotTurn turn, IBotReplyStream stream, CancellationToken cancellationToken)
    {
        var best = turn.Faq.Search(turn.Message.Text, take: 1).FirstOrDefault();
        var threshold = turn.Config.ConfidenceThreshold;
        if (best is null) return Task.FromResult(BotOutcome.Handoff("Low confidence: no FAQ entry matches the question"));
        if (best.Confidence < threshold)
            return Task.FromResult(BotOutcome.Handoff(string.Create(CultureInfo.InvariantCulture,
                $"Low confidence ({best.Confidence:0.00} < {threshold:0.00}); closest FAQ entry: \"{best.Entry.Question}\"")));
        return Task.FromResult(BotOutcome.Reply(best.Entry.Answer));
    }
}
