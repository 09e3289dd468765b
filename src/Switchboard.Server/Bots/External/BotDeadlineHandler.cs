using System.Data.Common;
using Switchboard.Server.Bots.Config;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Realtime;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Bots.External;

/// <summary>
/// The <c>bot.deadline</c> job, due when an external bot's reply timeout ends: if the bot has not answered the message
/// (and nothing newer needs answering, and nobody took over), the conversation goes to the humans. "Not answered" is
/// checked again in the transaction that stores the farewell and the handoff together, so an answer that lands as the
/// deadline passes either wins (no farewell, no handoff) or is refused (the bot is off by then): the customer never
/// reads both.
/// </summary>
public sealed class BotDeadlineHandler(Database database, BotConfigStore configs, BotResponder responder, IEphemeralPublisher signals,
    ILogger<BotDeadlineHandler> logger) : IJobHandler
{
    public const string JobKind = "bot.deadline";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var workspaceId = job.WorkspaceId ?? throw new InvalidOperationException($"Job {job.Id} ({JobKind}) has no workspace.");
        var deadline = job.Read<BotDeadlineJob>();
        var replyId = BotTurnLoader.ReplyIdFor(deadline.MessageId);
        // The farewell is the bot's own message after the question, not an answer.
        var farewellId = BotTurnLoader.HandoffIdFor(replyId);
        var pending = await database.ReadAsync<(ConversationRecord Record, BotSettings Settings)?>(async (c, tx) =>
        {
            var record = await ConversationStore.FindAsync(c, tx, workspaceId, deadline.ConversationId);
            if (record is null || !record.Conversation.BotActive || !await UnansweredAsync(c, tx, record, deadline, farewellId, cancellationToken)) return null;
            return (record, await configs.LoadSettingsAsync(c, tx, workspaceId, record.Conversation.InboxId));
        }, cancellationToken);
        if (pending is not { } p) return;

        BotsLog.HandingOff(logger, deadline.ConversationId, "external", "no answer in time");
        var farewell = string.IsNullOrEmpty(p.Settings.HandoffMessage) ? null : p.Settings.HandoffMessage;
        await responder.HandOffAsync(workspaceId, deadline.ConversationId, replyId, $"The external bot did not answer within {deadline.TimeoutSeconds} s",
            farewell, cancellationToken, (w, record) => UnansweredAsync(w.Connection, w.Transaction, record, deadline, farewellId, w.CancellationToken));
        signals.PublishEphemeral(BotSignals.Thinking(workspaceId, deadline.ConversationId, p.Record.Conversation.ContactId, p.Record.Conversation.InboxId, false));
    }

    /// <summary>
    /// The deadline's message is still the customer's latest, and the bot wrote nothing after it but the farewell (one
    /// stored alone by an earlier version, which wrote the farewell and the handoff in two transactions). Whether the bot
    /// is still on is the write's own check: it refuses the farewell and the handoff when it is not (the operator won).
    /// </summary>
    static async Task<bool> UnansweredAsync(DbConnection c, DbTransaction? tx, ConversationRecord record, BotDeadlineJob deadline, string farewellId,
        CancellationToken cancellationToken) =>
        record.Conversation.LastCustomerMessageSeq == deadline.MessageSeq
        && !await MessageStore.BotRepliedAfterAsync(c, tx, deadline.ConversationId, deadline.MessageSeq, farewellId, cancellationToken);
}
