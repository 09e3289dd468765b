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
        MessageContent? content = null, BotPrecondition? onlyIf = null)
    {
        var post = BotPost(workspaceId, conversationId, clientMessageId, text) with { Content = content ?? MessageContent.Text };
        try
        {
            var posted = await eventLog.WriteAsync(workspaceId, async w =>
                await HoldsAsync(w, conversationId, onlyIf) ? await messages.PostInAsync(w, post) : null, cancellationToken);
            if (posted is null) BotsLog.Outdated(logger, conversationId, clientMessageId);
            return posted?.Message.Id;
        }
        catch (DomainException e) when (e.Code == "bot_inactive")
        {
            BotsLog.TakeoverWon(logger, conversationId);
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
    /// Says <paramref name="farewell"/> (when set) and queues the conversation with <paramref name="reason"/> for the
    /// operators, in one transaction: the customer never reads the farewell without the handoff (an answer or a message
    /// landing between two writes used to stop the second). Nothing is written unless <paramref name="onlyIf"/> holds.
    /// </summary>
    public async Task HandOffAsync(long workspaceId, long conversationId, string replyId, string reason, string? farewell, CancellationToken cancellationToken,
        BotPrecondition? onlyIf = null)
    {
        var id = BotTurnLoader.HandoffIdFor(replyId);
        try
        {
            var handedOff = await eventLog.WriteAsync(workspaceId, async w =>
            {
                if (!await HoldsAsync(w, conversationId, onlyIf)) return false;
                if (farewell is not null) await messages.PostInAsync(w, BotPost(workspaceId, conversationId, id, farewell));
                await queue.HandoffInAsync(w, conversationId, reason, Actor.Bot, id);
                return true;
            }, cancellationToken);
            if (!handedOff) BotsLog.Outdated(logger, conversationId, id);
        }
        catch (DomainException e) when (e.Code is "bot_inactive" or "conversation_not_bot")
        {
            BotsLog.TakeoverWon(logger, conversationId);
        }
    }

    static MessagePost BotPost(long workspaceId, long conversationId, string clientMessageId, string text)
    {
        var clipped = text.Length <= MessageText.MaxLength ? text : text[..(MessageText.MaxLength - 1)] + "…";
        return new MessagePost(workspaceId, Author.Bot, conversationId, new PostMessageRequest(clientMessageId, clipped, null, null));
    }

    /// <summary>Whether <paramref name="onlyIf"/> holds now, in the write (no precondition, or no conversation left to check it on: the write decides).</summary>
    static async Task<bool> HoldsAsync(WriteContext w, long conversationId, BotPrecondition? onlyIf) =>
        onlyIf is null || await ConversationStore.FindAsync(w, conversationId) is not { } record || await onlyIf(w, record);
}
