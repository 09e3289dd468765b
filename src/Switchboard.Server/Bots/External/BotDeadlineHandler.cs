using Dapper;
using Switchboard.Server.Bots.Config;
using Switchboard.Server.Conversations;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Realtime;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Bots.External;

/// <summary>
/// The <c>bot.deadline</c> job, due when an external bot's reply timeout ends: if the bot has not answered the message
/// (and nothing newer needs answering, and nobody took over), the conversation goes to the humans.
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
        var pending = await database.ReadAsync<(ConversationRecord Record, BotSettings Settings)?>(async (c, tx) =>
        {
            var record = await ConversationStore.FindAsync(c, tx, workspaceId, deadline.ConversationId);
            if (record is null || !record.Conversation.BotActive || record.Conversation.LastCustomerMessageSeq != deadline.MessageSeq) return null;
            if (await MessageStore.BotRepliedAfterAsync(c, tx, deadline.ConversationId, deadline.MessageSeq, cancellationToken)) return null;
            return (record, await configs.LoadSettingsAsync(c, tx, workspaceId, record.Conversation.InboxId));
        }, cancellationToken);
        if (pending is not { } p) return;

        BotsLog.HandingOff(logger, deadline.ConversationId, "external", "no answer in time");
        var farewell = string.IsNullOrEmpty(p.Settings.HandoffMessage) ? null : p.Settings.HandoffMessage;
        await responder.HandOffAsync(workspaceId, deadline.ConversationId, BotTurnLoader.ReplyIdFor(deadline.MessageId),
            $"The external bot did not answer within {deadline.TimeoutSeconds} s", farewell, cancellationToken);
        signals.PublishEphemeral(BotSignals.Thinking(workspaceId, deadline.ConversationId, p.Record.Conversation.ContactId, p.Record.Conversation.InboxId, false));
    }
}
