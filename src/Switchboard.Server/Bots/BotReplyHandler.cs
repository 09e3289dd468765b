using System.ClientModel;
using Switchboard.Server.Bots.Config;
using Switchboard.Server.Bots.External;
using Switchboard.Server.Jobs;
using Switchboard.Server.Realtime;

namespace Switchboard.Server.Bots;

/// <summary>
/// The <c>bot.reply</c> job, enqueued with each customer message in a bot conversation: shows "thinking", hands off at
/// once when the customer asks for a human, otherwise runs the configured engine under the reply timeout and stores its
/// outcome. An engine's error or timeout hands off (with the cause as the reason) rather than failing the job; only
/// storage failures are retried.
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

        var (conversationId, contactId) = (turn.Conversation.Id, turn.Conversation.Contact.Id);
        signals.PublishEphemeral(BotSignals.Thinking(workspaceId, conversationId, contactId, true));
        var deferred = false;
        try
        {
            var outcome = await DecideAsync(turn, cancellationToken);
            deferred = outcome.Kind == BotOutcomeKind.Deferred;
            await responder.ApplyAsync(turn, outcome, cancellationToken);
        }
        finally
        {
            // An external bot is still at work: its message (or the deadline's handoff) ends the thinking.
            if (!deferred) signals.PublishEphemeral(BotSignals.Thinking(workspaceId, conversationId, contactId, false));
        }
    }

    async Task<BotOutcome> DecideAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var engine = turn.Config.Engine;
        var conversationId = turn.Conversation.Id;
        if (HandoffPhrases.Matches(turn.Message.Text, turn.Config.HandoffPhrases))
        {
            BotsLog.HandingOff(logger, conversationId, Name(engine), "asked for a human");
            return BotOutcome.Handoff("The customer asked for a human");
        }

        var started = clock.GetTimestamp();
        using var timeout = new CancellationTokenSource(turn.Config.ReplyTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var outcome = await byKind[engine].RespondAsync(turn, new SignalStream(signals, turn), linked.Token);
            if (outcome.Kind == BotOutcomeKind.Reply) BotsLog.Answered(logger, conversationId, Name(engine), (long)clock.GetElapsedTime(started).TotalMilliseconds);
            if (outcome.Kind == BotOutcomeKind.Handoff) BotsLog.HandingOff(logger, conversationId, Name(engine), "the engine decided");
            return outcome;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            BotsLog.EngineTimedOut(logger, conversationId, Name(engine), (long)turn.Config.ReplyTimeout.TotalMilliseconds);
            return BotOutcome.Handoff($"The bot did not answer within {turn.Config.ReplyTimeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            BotsLog.EngineFailed(logger, conversationId, Name(engine), ex.GetType().Name, ex);
            return BotOutcome.Handoff("The bot failed: " + Describe(ex));
        }
    }

    /// <summary>A cause an operator can act on, without internals.</summary>
    static string Describe(Exception ex) => ex switch
    {
        ClientResultException { Status: > 0 } c => $"the LLM endpoint answered HTTP {c.Status}",
        ClientResultException => "the LLM endpoint could not be reached",
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpRequestException => "the bot's endpoint could not be reached",
        ExternalBotException e => e.Message,
        _ => ex.GetType().Name,
    };

    static string Name(BotEngineKind engine) => Common.EnumText.ToText(engine);

    /// <summary>Each piece of the reply as a <c>bot.delta</c> signal, numbered so a viewer can tell it missed one.</summary>
    sealed class SignalStream(IEphemeralPublisher signals, BotTurn turn) : IBotReplyStream
    {
        int index;

        public void Delta(string text) => signals.PublishEphemeral(
            BotSignals.DeltaIn(turn.WorkspaceId, turn.Conversation.Id, turn.Conversation.Contact.Id, turn.ReplyId, index++, text));
    }
}
