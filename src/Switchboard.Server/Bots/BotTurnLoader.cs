using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Server.Bots.Config;
using Switchboard.Server.Bots.Faq;
using Switchboard.Server.Bots.KnowledgeBase;
using Switchboard.Server.Conversations;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Bots;

/// <summary>
/// Reads what a <c>bot.reply</c> job needs in one read transaction, or decides there is nothing to do: the bot is off
/// (an operator took over), a newer customer message has its own turn (the bot answers the latest, with all of them in
/// its history), or this message was already answered (a retried job).
/// </summary>
public sealed class BotTurnLoader(Database database, BotConfigStore configs, KnowledgeBaseCache knowledgeBase, IOptions<BotsOptions> options,
    ILogger<BotTurnLoader> logger)
{
    /// <summary>The <c>clientMessageId</c> of the bot's reply to a customer message, and the id of its <c>bot.delta</c> signals.</summary>
    public static string ReplyIdFor(long messageId) => $"bot-reply-{messageId}";

    /// <summary>The <c>clientMessageId</c> (and handoff <c>mutationId</c>) of the bot's goodbye when it hands off.</summary>
    public static string HandoffIdFor(string replyId) => replyId + "-handoff";

    public async Task<BotTurn?> LoadAsync(long workspaceId, BotReplyJob job, CancellationToken cancellationToken)
    {
        var replyId = ReplyIdFor(job.MessageId);
        var (loaded, why) = await database.ReadAsync<(Loaded?, string?)>(async (c, tx) =>
        {
            var record = await ConversationStore.FindAsync(c, tx, workspaceId, job.ConversationId);
            if (record is null) return (null, "the conversation is gone");
            var conversation = record.Conversation;
            if (!conversation.BotActive) return (null, "the bot is off");
            if (conversation.LastCustomerMessageSeq > job.MessageSeq) return (null, "a newer customer message has its own turn");
            if (await MessageStore.AnyWithClientIdAsync(c, tx, job.ConversationId, replyId, HandoffIdFor(replyId), cancellationToken))
                return (null, "already answered");

            var history = (await MessageStore.RecentAsync(c, tx, job.ConversationId, options.Value.HistoryLength, cancellationToken)).Select(m => m.ToResponse()).ToList();
            var message = history.FirstOrDefault(m => m.Id == job.MessageId)
                ?? (await MessageStore.FindInConversationAsync(c, tx, job.ConversationId, job.MessageId, cancellationToken))?.ToResponse();
            if (message is null) return (null, "the message is gone");

            var config = await configs.LoadAsync(c, tx, workspaceId, conversation.InboxId);
            var name = await c.QuerySingleAsync<string>("SELECT name FROM workspaces WHERE id = @workspaceId", new { workspaceId }, tx);
            var revision = await FaqStore.RevisionAsync(c, tx, workspaceId);
            return (new Loaded(ConversationViews.ForTeam(record), message, history, config, name, revision), null);
        }, cancellationToken);

        if (loaded is null)
        {
            BotsLog.Skipped(logger, job.ConversationId, job.MessageId, why!);
            return null;
        }
        var index = await knowledgeBase.GetAsync(workspaceId, loaded.FaqRevision, cancellationToken);
        return new BotTurn(workspaceId, loaded.WorkspaceName, loaded.Conversation, loaded.Message, loaded.History, index, loaded.Config, replyId);
    }

    sealed record Loaded(ConversationResponse Conversation, MessageResponse Message, IReadOnlyList<MessageResponse> History, BotConfig Config,
        string WorkspaceName, long FaqRevision);
}
