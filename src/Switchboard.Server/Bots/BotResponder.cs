using Switchboard.Core;
using Switchboard.Core.Messages;
using Switchboard.Server.Bots.External;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Queue;
using Microsoft.Extensions.Options;

namespace Switchboard.Server.Bots;

/// <summary>
/// Stores what an engine decided. Every write goes through <see cref="MessageService"/> or <see cref="QueueService"/>,
/// whose transaction checks the bot switch again: a reply committed after an operator switched the bot off (or took
/// over by writing) is refused there with <c>bot_inactive</c>, and dropped here. That check, not the one when the turn
/// started, is what makes the operator win the race. Ids are derived from the customer's message, so a retried job
/// writes nothing twice.
/// </summary>
public sealed class BotResponder(MessageService messages, QueueService queue, JobQueue jobs, EventLogWriter eventLog, IOptions<BotsOptions> options,
    ILogger<BotResponder> logger)
{
    public async Task ApplyAsync(BotTurn turn, BotOutcome outcome, CancellationToken cancellationToken)
    {
        var conversationId = turn.Conversation.Id;
        switch (outcome.Kind)
        {
            case BotOutcomeKind.Reply:
                await SayAsync(turn.WorkspaceId, conversationId, turn.ReplyId, outcome.Text!, cancellationToken);
                break;
            case BotOutcomeKind.Handoff:
                await HandOffAsync(turn.WorkspaceId, conversationId, turn.ReplyId, outcome.Reason!, turn.Config.HandoffMessage, cancellationToken);
                break;
            default:
                // The external bot answers through the API; if it does not in time, the deadline job hands off.
                var timeout = turn.Config.ReplyTimeout;
                await eventLog.WriteAsync(turn.WorkspaceId, w => jobs.EnqueueAsync(w, BotDeadlineHandler.JobKind,
                    new BotDeadlineJob(conversationId, turn.Message.Id, turn.Message.Seq, (int)timeout.TotalSeconds),
                    new JobEnqueueOptions(RunAt: w.Now + timeout, MaxAttempts: options.Value.MaxJobAttempts, DedupeKey: $"bot.deadline:{turn.Message.Id}")),
                    cancellationToken);
                break;
        }
    }

    /// <summary>Stores a bot message; false when the bot was switched off before it could be (the operator won).</summary>
    public async Task<bool> SayAsync(long workspaceId, long conversationId, string clientMessageId, string text, CancellationToken cancellationToken)
    {
        var clipped = text.Length <= MessageText.MaxLength ? text : text[..(MessageText.MaxLength - 1)] + "…";
        try
        {
            await messages.PostAsync(new MessagePost(workspaceId, Author.Bot, conversationId, new PostMessageRequest(clientMessageId, clipped, null, null)), cancellationToken);
            return true;
        }
        catch (DomainException e) when (e.Code == "bot_inactive")
        {
            BotsLog.TakeoverWon(logger, conversationId);
            return false;
        }
    }

    /// <summary>Says <paramref name="farewell"/> (when set), then queues the conversation with <paramref name="reason"/> for the operators.</summary>
    public async Task HandOffAsync(long workspaceId, long conversationId, string replyId, string reason, string? farewell, CancellationToken cancellationToken)
    {
        var id = BotTurnLoader.HandoffIdFor(replyId);
        if (farewell is not null && !await SayAsync(workspaceId, conversationId, id, farewell, cancellationToken)) return;
        try
        {
            await queue.HandoffAsync(workspaceId, conversationId, reason, Actor.Bot, id, cancellationToken);
        }
        catch (DomainException e) when (e.Code == "conversation_not_bot")
        {
            BotsLog.TakeoverWon(logger, conversationId);
        }
    }
}
