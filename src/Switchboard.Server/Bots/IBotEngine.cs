using Switchboard.Server.Bots.Config;

namespace Switchboard.Server.Bots;

/// <summary>
/// A bot engine: given the conversation, its recent history and the workspace's FAQ (<see cref="BotTurn"/>), produce a
/// reply or a handoff, optionally streaming the reply as it is produced. Engines run inside a durable job, never on a
/// request; they do not store anything themselves: the runner stores the outcome, in a transaction that checks the
/// bot switch, so an operator who took over meanwhile wins.
/// </summary>
public interface IBotEngine
{
    BotEngineKind Kind { get; }

    /// <summary>
    /// Throwing hands off with the error as the reason; so does running past <paramref name="cancellationToken"/>'s
    /// timeout. <see cref="BotOutcome.Deferred"/> means the answer comes later, through the API (external bots).
    /// </summary>
    Task<BotOutcome> RespondAsync(BotTurn turn, IBotReplyStream stream, CancellationToken cancellationToken);
}
