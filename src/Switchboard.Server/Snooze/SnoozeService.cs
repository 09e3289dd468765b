using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;

namespace Switchboard.Server.Snooze;

/// <summary>
/// Snoozing and waking conversations (docs/workflow.md, "Snooze"). Each change is a <c>conversation.updated</c> in the
/// workspace's write; a timed snooze also enqueues its wake job in that write, so the job exists exactly when the snooze does.
/// </summary>
public sealed class SnoozeService(EventLogWriter eventLog, JobQueue jobs, ILogger<SnoozeService> logger)
{
    public const string WakeJobKind = "conversation.snooze_wake";

    public Task<ConversationWriteResponse> SnoozeAsync(Caller caller, long id, SnoozeRequest request, CancellationToken cancellationToken)
    {
        var mutationId = MessageText.ValidateClientId(request.MutationId, "mutationId");
        // Exactly one kind: a time, or "until the customer writes". Both or neither is a client bug, not a guess to make.
        if ((request.Until is null) == (request.UntilReply != true))
            throw new DomainException("snooze_invalid", "Send either until (a time) or untilReply: true.", DomainErrorKind.Invalid);
        var untilMs = request.Until?.ToUnixTimeMilliseconds();
        var requestHash = Hash($"snooze|{id}|{untilMs?.ToString(CultureInfo.InvariantCulture) ?? "reply"}");

        return WriteAsync(caller, id, mutationId, requestHash, async (w, record) =>
        {
            var transition = Snoozing.Snooze(record.Conversation, request.Until, w.Now);
            var after = await SnoozeWriter.SaveAsync(w, record, transition, caller.Actor, mutationId);
            if (!ReferenceEquals(after, record) && after.Conversation.SnoozedUntil is { } until)
            {
                var ms = until.ToUnixTimeMilliseconds();
                // One job per (conversation, instant): snoozing again to the same time reuses the one already waiting.
                await jobs.EnqueueAsync(w, WakeJobKind, new SnoozeWakeJob(id, ms),
                    new JobEnqueueOptions(RunAt: until, DedupeKey: $"snooze-wake:{id}:{ms}"));
            }
            SnoozeLog.Snoozed(logger, w.WorkspaceId, id, untilMs ?? 0);
            return after;
        }, cancellationToken);
    }

    public Task<ConversationWriteResponse> UnsnoozeAsync(Caller caller, long id, UnsnoozeRequest request, CancellationToken cancellationToken)
    {
        var mutationId = MessageText.ValidateClientId(request.MutationId, "mutationId");
        return WriteAsync(caller, id, mutationId, Hash($"unsnooze|{id}"), async (w, record) =>
        {
            // The wake job, if any, stays: it finds no snooze at its time and does nothing.
            var after = await SnoozeWriter.SaveAsync(w, record, Snoozing.Unsnooze(record.Conversation, w.Now), caller.Actor, mutationId);
            SnoozeLog.Unsnoozed(logger, w.WorkspaceId, id);
            return after;
        }, cancellationToken);
    }

    /// <summary>The wake job's write: wakes the conversation if it still sleeps until <paramref name="job"/>'s instant.</summary>
    public Task WakeAsync(long workspaceId, SnoozeWakeJob job, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(workspaceId, async w =>
        {
            var record = await ConversationStore.FindAsync(w, job.ConversationId);
            if (record is null) return 0;
            var transition = Snoozing.WakeOnTime(record.Conversation, DateTimeOffset.FromUnixTimeMilliseconds(job.UntilMs), w.Now);
            var after = await SnoozeWriter.SaveAsync(w, record, transition, Actor.System);
            if (ReferenceEquals(after, record)) SnoozeLog.WakeSuperseded(logger, w.WorkspaceId, job.ConversationId);
            else SnoozeLog.Woken(logger, w.WorkspaceId, job.ConversationId);
            return 0;
        }, cancellationToken);

    /// <summary>A member's write on one conversation, answered from the idempotency record when its mutationId was applied already.</summary>
    Task<ConversationWriteResponse> WriteAsync(Caller caller, long id, string mutationId, string requestHash,
        Func<WriteContext, ConversationRecord, Task<ConversationRecord>> change, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var record = await ConversationStore.GetVisibleAsync(w.Connection, w.Transaction, caller, id);
            var replay = await IdempotencyStore.FindAsync(w, mutationId);
            if (replay is not null)
            {
                if (replay.Target != Target(id) || replay.RequestHash != requestHash)
                    throw new DomainException(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
                return new ConversationWriteResponse(ConversationViews.ForTeam(record), replay.Seq, Replayed: true);
            }
            var after = await change(w, record);
            // Nothing changed (already snoozed so, not snoozed): confirmed as of the current cursor, no event.
            var seq = w.LastSeq;
            await IdempotencyStore.RecordAsync(w, mutationId, Target(id), requestHash, seq);
            return new ConversationWriteResponse(ConversationViews.ForTeam(after), seq, Replayed: false);
        }, cancellationToken);

    static string Target(long id) => $"conversation:{id}";

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
