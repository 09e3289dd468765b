using Microsoft.Extensions.Options;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.Bots.Config;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Realtime;

namespace Switchboard.Server.Bots;

/// <summary>
/// Starts the bot's work in the transaction of what calls for it, so it is never lost and never runs for a change that
/// rolled back: a customer message in a conversation whose bot is active enqueues <c>bot.reply</c>; a conversation that
/// starts with the bot active enqueues <c>bot.greet</c> when a greeting is configured. It also ends the "thinking" of an
/// external bot once that bot answered or handed off through the API.
/// </summary>
public sealed class BotTriggerHook(JobQueue jobs, BotConfigStore configs, IEphemeralPublisher signals, IBotHours hours, IOptions<BotsOptions> options) : IWriteHook
{
    /// <summary>After automatic assignment (0), before webhooks (100).</summary>
    public int Order => 50;

    public async Task BeforeCommitAsync(WriteContext w, IReadOnlyList<AppendedEvent> events, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;
        foreach (var e in events)
        {
            var draft = e.Draft;
            switch (draft.Data)
            {
                case MessageEventData { Message: { SenderRole: SenderRole.Customer, IsNote: false } message, Conversation: { BotActive: true } conversation }
                    when draft.Type == EventTypes.MessageCreated:
                    // Outside business hours the bot only answers where the inbox allows it; the closed-hours reply covers the rest.
                    if (!await hours.BotAnswersNowAsync(w, conversation.InboxId)) break;
                    await jobs.EnqueueAsync(w, BotReplyHandler.JobKind, new BotReplyJob(message.ConversationId, message.Id, message.Seq),
                        new JobEnqueueOptions(MaxAttempts: options.Value.MaxJobAttempts, DedupeKey: $"{BotReplyHandler.JobKind}:{message.Id}"));
                    break;
                case MessageEventData { Message.SenderRole: SenderRole.Bot } when draft.Type == EventTypes.MessageCreated && IsApiKey(draft.Actor):
                    ThinkingDone(w, draft);
                    break;
                case ConversationEventData { Change: ConversationChange.Handoff } when IsApiKey(draft.Actor):
                    ThinkingDone(w, draft);
                    break;
                case ConversationEventData { Change: ConversationChange.Created, Conversation: { BotActive: true } conversation }:
                    var settings = await configs.LoadSettingsAsync(w, conversation.InboxId);
                    if (!string.IsNullOrEmpty(settings.Greeting))
                        await jobs.EnqueueAsync(w, BotGreetingHandler.JobKind, new BotGreetingJob(conversation.Id),
                            new JobEnqueueOptions(MaxAttempts: options.Value.MaxJobAttempts, DedupeKey: $"{BotGreetingHandler.JobKind}:{conversation.Id}"));
                    break;
            }
        }
    }

    static bool IsApiKey(Actor actor) => actor.Type == Actor.ApiKey(0).Type;

    void ThinkingDone(WriteContext w, EventDraft draft)
    {
        if (draft.ConversationId is not { } conversationId || draft.ContactId is not { } contactId) return;
        var workspaceId = w.WorkspaceId;
        w.AfterCommit(() => signals.PublishEphemeral(BotSignals.Thinking(workspaceId, conversationId, contactId, draft.InboxId, false)));
    }
}
