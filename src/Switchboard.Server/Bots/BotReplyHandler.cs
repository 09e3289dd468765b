using Switchboard.Server.Bots.Config;
using Switchboard.Server.Jobs;
using Switchboard.Server.Realtime;

namespace Switchboard.Server.Bots;

/// <summary>
/// The <c>bot.reply</c> job, enqueued with each customer message in a bot conversation: shows "thinking", hands off at
/// once when the customer asks for a human, otherwise runs the configured engine under the reply timeout and stores its
/// outcome. An engine's error or timeout hands off (with the cause in plain words as the reason) rather than failing
/// the job; only storage failures are retried. Every reply an engine wrote ends with <c>bot.reply.end</c>: completed
/// with the stored message's id, or abandoned with a reason code, so viewers drop what they showed of it at once.
/// </summary>
public sealed class BotReplyHandler(BotTurnLoader loader, IEnumerable<IBotEngine> engines, BotResponder responder, IEphemeralPublisher signals,
    TimeProvider clock, ILogger<BotReplyHandler> logger) : IJobHandler
{
    public const string JobKind = "bot.reply";

    readonly Dictionary<BotEngineKind, IBotEngine> byKind = engines.ToDictionary(e => e.Kind);

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var workspaceId = job.WorkspaceId ?? throw new InvalidOperationException($"Job {job.Id} ({JobKind}) has no workspace.");
        var turn = await loader.LoadAsync(workspaceId, job.Read<BotReplyJob>(), cancellationToken);
        if (turn is null) return;

        var (conversationId, contactId, inboxId) = (turn.Conversation.Id, turn.Conversation.Contact.Id, turn.Conversation.InboxId);
        signals.PublishEphemeral(BotSignals.Thinking(workspaceId, conversationId, contactId, inboxId, true));
        var deferred = false;
        try
        {
            var (outcome, ranEngine) = await DecideAsync(turn, cancellationToken);
            deferred = outcome.Kind == BotOutcomeKind.Deferred;
            var end = await responder.ApplyAsync(turn, outcome, cancellationToken);
            // Sent after the store, so a viewer that sees "completed" already has (or is about to get) the message.
            if (ranEngine && end is not null) signals.PublishEphemeral(BotSignals.ReplyEndIn(workspaceId, conversationId, contactId, inboxId, end));
        }
        finally
        {
            // An external bot is still at work: its message (or the deadline's handoff) ends the thinking.
            if (!deferred) signals.PublishEphemeral(BotSignals.Thinking(workspaceId, conversationId, contactId, inboxId, false));
        }
    }

    async Task<(BotOutcome Outcome, bool RanEngine)> DecideAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var engine = turn.Config.Engine;
        var conversationId = turn.Conversation.Id;
        if (HandoffPhrases.Matches(turn.Message.Text, turn.Config.HandoffPhrases))
        {
            BotsLog.HandingOff(logger, conversationId, Name(engine), "asked for a human");
            return (BotOutcome.Handoff("The customer asked for a human"), false);
        }

        var started = clock.GetTimestamp();
        using var timeout = new CancellationTokenSource(turn.Config.ReplyTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var outcome = await byKind[engine].RespondAsync(turn, new SignalStream(signals, turn), linked.Token);
            if (outcome.Kind == BotOutcomeKind.Reply) BotsLog.Answered(logger, conversationId, Name(engine), (long)clock.GetElapsedTime(started).TotalMilliseconds);
            if (outcome.Kind == BotOutcomeKind.Handoff) BotsLog.HandingOff(logger, conversationId, Name(engine), "the engine decided");
            return (outcome, true);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            BotsLog.EngineTimedOut(logger, conversationId, Name(engine), (long)turn.Config.ReplyTimeout.TotalMilliseconds);
            return (HandoffReasons.Stalled(engine, turn.Config.ReplyTimeout), true);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            BotsLog.EngineFailed(logger, conversationId, Name(engine), ex.GetType().Name, ex);
            return (HandoffReasons.Failed(engine, ex), true);
        }
    }

    static string Name(BotEngineKind engine) => Common.EnumText.ToText(engine);

    /// <summary>Each piece of the reply as a <c>bot.delta</c> signal, numbered so a viewer can tell it missed one.</summary>
    sealed class SignalStream(IEphemeralPublisher signals, BotTurn turn) : IBotReplyStream
    {
        int index;

        public void Delta(string text) => signals.PublishEphemeral(
            BotSignals.DeltaIn(turn.WorkspaceId, turn.Conversation.Id, turn.Conversation.Contact.Id, turn.Conversation.InboxId, turn.ReplyId, index++, text));
    }
}
