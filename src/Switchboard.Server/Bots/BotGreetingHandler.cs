using Switchboard.Server.Bots.Config;
using Switchboard.Server.Conversations;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Bots;

/// <summary>
/// The <c>bot.greet</c> job: a conversation that started with the bot active gets the configured greeting, once (its
/// <c>clientMessageId</c> is derived from the conversation). A customer who wrote first gets an answer instead; that is
/// checked again in the greeting's own transaction, so a first message that lands while the job runs is never
/// followed by "Hi! How can I help?".
/// </summary>
public sealed class BotGreetingHandler(Database database, BotConfigStore configs, BotResponder responder, ILogger<BotGreetingHandler> logger) : IJobHandler
{
    public const string JobKind = "bot.greet";

    public string Kind => JobKind;

    public static string GreetingIdFor(long conversationId) => $"bot-greeting-{conversationId}";

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var workspaceId = job.WorkspaceId ?? throw new InvalidOperationException($"Job {job.Id} ({JobKind}) has no workspace.");
        var conversationId = job.Read<BotGreetingJob>().ConversationId;
        var greeting = await database.ReadAsync(async (c, tx) =>
        {
            var record = await ConversationStore.FindAsync(c, tx, workspaceId, conversationId);
            if (record is null || !record.Conversation.BotActive) return null;
            if (await MessageStore.AnyAsync(c, tx, conversationId, cancellationToken)) return null;
            var settings = await configs.LoadSettingsAsync(c, tx, workspaceId, record.Conversation.InboxId);
            return string.IsNullOrEmpty(settings.Greeting) ? null : settings.Greeting;
        }, cancellationToken);
        if (greeting is null) return;
        if (await responder.SayAsync(workspaceId, conversationId, GreetingIdFor(conversationId), greeting, cancellationToken, onlyIf: NothingWrittenYet) is not null)
            BotsLog.Greeted(logger, conversationId);
    }

    static async Task<bool> NothingWrittenYet(EventLog.WriteContext w, ConversationRecord record) =>
        !await MessageStore.AnyAsync(w.Connection, w.Transaction, record.Conversation.Id, w.CancellationToken);
}
