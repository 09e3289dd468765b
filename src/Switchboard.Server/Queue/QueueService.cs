using System.Security.Cryptography;
using System.Text;
using Dapper;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;
using Switchboard.Server.Storage;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Queue;

/// <summary>
/// The waiting room: listing, claiming (next or a given conversation) and the bot's handoff into the queue.
/// Claims run in the workspace's write transaction, and writers of a workspace are serialized, so the capacity
/// check and the claim see the same state: two operators never get the same conversation, and nobody exceeds
/// their capacity, on one node or many.
/// </summary>
public sealed class QueueService(Database database, EventLogWriter eventLog, ILogger<QueueService> logger)
{
    public const int MaxReasonLength = 200;
    public const int MaxPage = 200;

    public Task<QueueResponse> ListAsync(Caller caller, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? 50;
        if (take is < 1 or > MaxPage) throw new DomainException("limit_invalid", $"limit must be 1 to {MaxPage}.", DomainErrorKind.Invalid);
        return database.ReadAsync(async (c, tx) =>
        {
            // Each operator's queue is their scope's (issue 20, teams): the conversations of their teams' inboxes and of inboxes with no team.
            var scope = Teams.ConversationScope.Sql(caller);
            var queued = await ConversationStore.QueuedAsync(c, tx, caller.WorkspaceId, take, cancellationToken, scope);
            var waiting = await ConversationStore.CountQueuedAsync(c, tx, caller.WorkspaceId, cancellationToken, scope);
            var cursor = await WorkspaceStore.CursorAsync(c, tx, caller.WorkspaceId);
            return new QueueResponse(queued.Select(ConversationViews.ForTeam).ToList(), waiting, cursor);
        }, cancellationToken);
    }

    /// <summary>Claims the conversation that has waited longest, or refuses with <c>queue_empty</c> / <c>capacity_reached</c>.</summary>
    public Task<ConversationWriteResponse> ClaimNextAsync(Caller caller, ClaimRequest request, CancellationToken cancellationToken) =>
        ClaimAsync(caller, conversationId: null, request, cancellationToken);

    /// <summary>Claims a given queued conversation, or refuses with <c>conversation_not_queued</c> / <c>capacity_reached</c>.</summary>
    public Task<ConversationWriteResponse> ClaimAsync(Caller caller, long? conversationId, ClaimRequest request, CancellationToken cancellationToken)
    {
        var memberId = caller.MemberId
            ?? throw new DomainException("member_required", "Only a signed-in member can claim conversations.", DomainErrorKind.Forbidden);
        var mutationId = MessageText.ValidateClientId(request.MutationId, "mutationId");
        var requestHash = Hash($"claim|{memberId}|{conversationId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "next"}");

        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            if (await ReplayAsync(w, mutationId, requestHash) is { } replay) return replay;

            var load = await QueueStore.LoadAsync(w, memberId);
            if (load is null || !load.Active) throw new DomainException("member_required", "Only an active member can claim conversations.", DomainErrorKind.Forbidden);

            // Only within the caller's scope: outside it a conversation is not found, and "next" is the next of their queue.
            var record = conversationId is { } id
                ? ConversationStore.RequireVisible(await ConversationStore.FindAsync(w, id), caller)
                : (await ConversationStore.QueuedAsync(w, 1, Teams.ConversationScope.Sql(caller))).SingleOrDefault()
                    ?? throw new DomainException("queue_empty", "No conversation is waiting in the queue.");

            var transition = ConversationMachine.Claim(record.Conversation, memberId, w.Now);
            // Claiming one's own conversation again takes no room.
            if (!load.HasRoom && !ConversationMachine.IsNoOp(record.Conversation, transition))
                throw new DomainException("capacity_reached", $"You already own {load.Load} open conversations, your capacity is {load.Capacity}.");
            var after = await ConversationWriter.SaveTransitionAsync(w, record, transition, caller.Actor, mutationId);
            await IdempotencyStore.RecordAsync(w, mutationId, Target(after.Conversation.Id), requestHash, w.LastSeq);
            QueueLog.Claimed(logger, w.WorkspaceId, after.Conversation.Id, memberId);
            return new ConversationWriteResponse(ConversationViews.ForTeam(after), w.LastSeq, Replayed: false);
        }, cancellationToken);
    }

    /// <summary>
    /// The bot gives a conversation to the humans (low confidence, "talk to a human", error, timeout): it goes to
    /// the queue (or straight to its assignee), with <paramref name="reason"/> shown to operators. The bot engines call
    /// this; integrations reach it through <c>POST /api/v1/conversations/{id}/handoff</c>.
    /// </summary>
    public Task<ConversationWriteResponse> HandoffAsync(long workspaceId, long conversationId, string? reason, Actor actor, string? mutationId,
        CancellationToken cancellationToken)
    {
        var why = ValidateHandoff(reason, mutationId);
        return eventLog.WriteAsync(workspaceId, w => StoreHandoffAsync(w, conversationId, why, actor, mutationId), cancellationToken);
    }

    /// <summary>
    /// <see cref="HandoffAsync"/> inside a write the caller runs, so the handoff commits together with the caller's other
    /// changes or not at all (the bot's farewell before it).
    /// </summary>
    public Task<ConversationWriteResponse> HandoffInAsync(WriteContext w, long conversationId, string? reason, Actor actor, string? mutationId) =>
        StoreHandoffAsync(w, conversationId, ValidateHandoff(reason, mutationId), actor, mutationId);

    /// <summary>The trimmed reason, once both it and the <paramref name="mutationId"/> are valid.</summary>
    static string ValidateHandoff(string? reason, string? mutationId)
    {
        var why = ValidateReason(reason);
        if (mutationId is not null) MessageText.ValidateClientId(mutationId, "mutationId");
        return why;
    }

    async Task<ConversationWriteResponse> StoreHandoffAsync(WriteContext w, long conversationId, string why, Actor actor, string? mutationId)
    {
        var requestHash = Hash($"handoff|{conversationId}|{why}");
        if (mutationId is not null && await ReplayAsync(w, mutationId, requestHash) is { } replay) return replay;
        var record = await ConversationStore.FindAsync(w, conversationId)
            ?? throw new DomainException("conversation_not_found", "No such conversation.", DomainErrorKind.NotFound);
        var transition = ConversationMachine.Handoff(record.Conversation, why, w.Now);
        var after = await ConversationWriter.SaveTransitionAsync(w, record, transition, actor, mutationId);
        if (mutationId is not null) await IdempotencyStore.RecordAsync(w, mutationId, Target(conversationId), requestHash, w.LastSeq);
        QueueLog.HandedOff(logger, w.WorkspaceId, conversationId);
        return new ConversationWriteResponse(ConversationViews.ForTeam(after), w.LastSeq, Replayed: false);
    }

    static async Task<ConversationWriteResponse?> ReplayAsync(WriteContext w, string mutationId, string requestHash)
    {
        var entry = await IdempotencyStore.FindAsync(w, mutationId);
        if (entry is null) return null;
        if (entry.RequestHash != requestHash || !entry.Target.StartsWith("conversation:", StringComparison.Ordinal))
            throw new DomainException(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
        var id = long.Parse(entry.Target["conversation:".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var record = await ConversationStore.FindAsync(w, id)
            ?? throw new DomainException("conversation_not_found", "No such conversation.", DomainErrorKind.NotFound);
        return new ConversationWriteResponse(ConversationViews.ForTeam(record), entry.Seq, Replayed: true);
    }

    static string ValidateReason(string? reason)
    {
        var r = reason?.Trim() ?? "";
        if (r.Length is 0 or > MaxReasonLength)
            throw new DomainException("reason_invalid", $"reason must be 1 to {MaxReasonLength} characters.", DomainErrorKind.Invalid);
        return r;
    }

    static string Target(long id) => $"conversation:{id}";

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
