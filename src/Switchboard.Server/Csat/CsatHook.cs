using Microsoft.Extensions.Options;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Jobs;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Csat;

/// <summary>
/// Asks for a rating in the same transaction as every resolution, whoever resolved (an operator, the API, the bot): a
/// <c>csat_ratings</c> row and its <c>csat.updated</c>, and on WhatsApp the button message's send job (<see cref="CsatWhatsAppAskHandler"/>). Hooking the write
/// rather than the PATCH means a new way to resolve cannot forget to ask.
/// </summary>
public sealed class CsatHook(IOptions<CsatOptions> options, JobQueue jobs, ILogger<CsatHook> logger) : IWriteHook
{
    /// <summary>After automatic assignment (0), before webhooks (100), which then see the request too.</summary>
    public int Order => 60;

    public async Task BeforeCommitAsync(WriteContext w, IReadOnlyList<AppendedEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            if (e.Draft.Type != EventTypes.ConversationUpdated || e.Draft.Data is not ConversationEventData { Change: ConversationChange.Resolved } data) continue;
            if (!(await WorkspaceStore.GetSettingsAsync(w)).CsatEnabled) return;
            var c = data.Conversation;
            var channel = await InboxStore.ChannelAsync(w.Connection, w.Transaction, w.WorkspaceId, c.InboxId, cancellationToken);
            if (channel is not (InboxChannels.Widget or InboxChannels.WhatsApp)) continue;
            // The resolving event's seq names the resolution: a rerun of this write asks nothing twice.
            var row = await CsatStore.InsertRequestAsync(w, c.Id, c.Contact.Id, c.InboxId, channel, c.AssigneeId, e.Stored.Seq);
            if (row is null) continue;
            await AppendAsync(w, row, options.Value, Actor.System);
            // WhatsApp asks with a button message, sent off the write like every outbound message.
            if (channel == InboxChannels.WhatsApp)
                await jobs.EnqueueAsync(w, CsatWhatsApp.AskJobKind, new CsatAskJob(row.Id), new JobEnqueueOptions(MaxAttempts: 5, DedupeKey: $"csat-ask:{row.Id}"));
            CsatLog.Requested(logger, w.WorkspaceId, c.Id, row.Id, channel);
        }
    }

    /// <summary>Appends <c>csat.updated</c>: the team's view, and the visitor's for the conversation's contact.</summary>
    public static Task<long> AppendAsync(WriteContext w, CsatRow row, CsatOptions options, Actor actor, string? mutationId = null) =>
        w.AppendAsync(new EventDraft(EventTypes.CsatUpdated, row.ConversationId, row.ContactId,
            new CsatEventData(row.ToTeam(options)), new CsatEventData(row.ToVisitor(options)), row.Version, actor, mutationId)
        {
            // Its inbox, so a team-scoped operator's stream drops the rating of a conversation they cannot see.
            InboxId = row.InboxId,
        });
}
