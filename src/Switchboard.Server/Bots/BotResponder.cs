using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Bots.External;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Queue;
using Switchboard.Server.Storage;
using Microsoft.Extensions.Options;

namespace Switchboard.Server.Bots;

/// <summary>
/// Stores what an engine decided. Every write goes through <see cref="MessageService"/> or <see cref="QueueService"/>,
/// whose transaction checks the bot switch again: a reply committed after an operator switched the bot off (or took
/// over by writing) is refused there with <c>bot_inactive</c>, and dropped here. That check, not the one when the turn
/// started, is what makes the operator win the race. Ids are derived from the customer's message, so a retried job
/// writes nothing twice.
/// </summary>
public sealed class BotResponder(MessageService messages, QueueService queue, JobQueue jobs, EventLogWriter eventLog, Database database,
    IOptions<BotsOptions> options, ILogger<BotResponder> logger)
{
    /// <summary>Stores the outcome; returns how the turn's reply ended (null when the answer comes later, deferred).</summary>
    public async Task<BotReplyEndData?> ApplyAsync(BotTurn turn, BotOutcome outcome, CancellationToken cancellationToken)
    {
        var conversationId = turn.Conversation.Id;
        switch (outcome.Kind)
        {
            case BotOutcomeKind.Reply:
                var content = outcome.QuickReplies is { } quickReplies ? new QuickRepliesDetails(quickReplies).ToContent() : MessageContent.Text;
                var id = await SayAsync(turn.WorkspaceId, conversationId, turn.ReplyId, outcome.Text!, cancellationToken, content);
                return id is { } messageId
                    ? BotReplyEndData.Completed(turn.ReplyId, messageId)
                    : BotReplyEndData.Abandoned(turn.ReplyId, await WhyInactiveAsync(turn.WorkspaceId, conversationId, cancellationToken));
            case BotOutcomeKind.Handoff:
                await HandOffAsync(turn.WorkspaceId, conversationId, turn.ReplyId, outcome.Reason!, turn.Config.HandoffMessage, cancellationToken);
                return BotReplyEndData.Abandoned(turn.ReplyId, outcome.EndReason ?? ReplyEndReasons.HandedOff);
            default:
                // The external bot answers through the API; if it does not in time, the deadline job hands off.
                var timeout = turn.Config.ReplyTimeout;
                await eventLog.WriteAsync(turn.WorkspaceId, w => jobs.EnqueueAsync(w, BotDeadlineHandler.JobKind,
                    new BotDeadlineJob(conversationId, turn.Message.Id, turn.Message.Seq, (int)timeout.TotalSeconds),
                    new JobEnqueueOptions(RunAt: w.Now + timeout, MaxAttempts: options.Value.MaxJobAttempts, DedupeKey: $"bot.deadline:{turn.Message.Id}")),
                    cancellationToken);
                return null;
        }
    }

    /// <summary>
    /// Stores a bot message and returns its id; null when the bot was switched off before it could be (the operator won),
    /// or when <paramref name="onlyIf"/> no longer held in the message's transaction (what the job decided on changed).
    /// </summary>
    public async Task<long?> SayAsync(long workspaceId, long conversationId, string clientMessageId, string text, CancellationToken cancellationToken,
        MessageContent? content = null, ConversationPrecondition? onlyIf = null)
    {
        var clipped = text.Length <= MessageText.MaxLength ? text : text[..(MessageText.MaxLength - 1)] + "…";
        try
        {
            var post = new MessagePost(workspaceId, Author.Bot, conversationId, new PostMessageRequest(clientMessageId, clipped, null, null))
                { Content = content ?? MessageContent.Text, OnlyIf = onlyIf };
            var posted = await messages.PostAsync(post, cancellationToken);
            return posted.Message.Id;
        }
        catch (DomainException e) when (e.Code == "bot_inactive")
        {
            BotsLog.TakeoverWon(logger, conversationId);
            return null;
        }
        catch (DomainException e) when (e.Code == ConversationPreconditions.FailedCode)
        {
            BotsLog.Outdated(logger, conversationId, clientMessageId);
            return null;
        }
    }

    /// <summary>An operator who wrote leaves the conversation waiting for the customer; any other switch-off does not.</summary>
    async Task<string> WhyInactiveAsync(long workspaceId, long conversationId, CancellationToken cancellationToken)
    {
        var record = await database.ReadAsync((c, tx) => ConversationStore.FindAsync(c, tx, workspaceId, conversationId), cancellationToken);
        return record?.Conversation.State == ConversationState.WaitingCustomer ? ReplyEndReasons.Takeover : ReplyEndReasons.BotSwitchedOff;
    }

    /// <summary>
    /// Says <paramref name="farewell"/> (when set), then queues the conversation with <paramref name="reason"/> for the
    /// operators; both writes only while <paramref name="onlyIf"/> holds (it must allow the farewell itself).
    /// </summary>
    public async Task HandOffAsync(long workspaceId, long conversationId, string replyId, string reason, string? farewell, CancellationToken cancellationToken,
        ConversationPrecondition? onlyIf = null)
    {
        var id = BotTurnLoader.HandoffIdFor(replyId);
        if (farewell is not null && await SayAsync(workspaceId, conversationId, id, farewell, cancellationToken, onlyIf: onlyIf) is null) return;
        try
        {
            await queue.HandoffAsync(workspaceId, conversationId, reason, Actor.Bot, id, cancellationToken, onlyIf);
        }
        catch (DomainException e) when (e.Code == "conversation_not_bot")
        {
            BotsLog.TakeoverWon(logger, conversationId);
        }
        catch (DomainException e) when (e.Code == ConversationPreconditions.FailedCode)
        {
            BotsLog.Outdated(logger, conversationId, id);
        }
    }
}
