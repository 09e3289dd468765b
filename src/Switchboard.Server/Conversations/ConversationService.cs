using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Messages;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;
using Switchboard.Server.Members;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Conversations;

/// <summary>Reading conversations and applying PATCH changes (bot switch, resolve/reopen, assignee).</summary>
public sealed class ConversationService(Database database, EventLogWriter eventLog)
{
    public Task<ConversationResponse> GetAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) => ConversationViews.For(caller, await ConversationStore.GetVisibleAsync(c, tx, caller, id)), cancellationToken);

    public Task<ItemsResponse<ConversationResponse>> ListAsync(Caller caller, ConversationListQuery query, CancellationToken cancellationToken)
    {
        var (where, args, limit) = query.ToSql(caller);
        return database.ReadAsync(async (c, tx) =>
        {
            var rows = await ConversationStore.PageByActivityAsync(c, tx, where, args, limit + 1, cancellationToken);
            var page = rows.Take(limit).ToList();
            var next = rows.Count > limit ? ConversationListQuery.EncodeCursor(page[^1].SortActivity, page[^1].Id) : null;
            return new ItemsResponse<ConversationResponse>(page.Select(r => ConversationViews.For(caller, r.ToRecord())).ToList(), next);
        }, cancellationToken);
    }

    public Task<ConversationWriteResponse> PatchAsync(Caller caller, long id, PatchConversationRequest request, long? ifMatch, CancellationToken cancellationToken)
    {
        var mutationId = MessageText.ValidateClientId(request.MutationId, "mutationId");
        var assignee = ReadAssignee(request.AssigneeId);
        if (request.BotActive is null && request.Resolved is null && assignee is null)
            throw new DomainException("patch_empty", "Send at least one of botActive, resolved or assigneeId.", DomainErrorKind.Invalid);
        var requestHash = Hash(id, request.BotActive, request.Resolved, assignee);

        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var record = await ConversationStore.GetVisibleAsync(w.Connection, w.Transaction, caller, id);
            // A retried mutation answers with its first result, even if the version has moved on since.
            var replay = await IdempotencyStore.FindAsync(w, mutationId);
            if (replay is not null)
            {
                if (replay.Target != Target(id) || replay.RequestHash != requestHash)
                    throw new DomainException(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
                return new ConversationWriteResponse(ConversationViews.ForTeam(record), replay.Seq, Replayed: true);
            }
            if (ifMatch is { } expected && expected != record.Conversation.Version)
                throw new DomainException(ErrorCodes.VersionMismatch,
                    $"The conversation is at version {record.Conversation.Version}, not {expected}.", DomainErrorKind.PreconditionFailed);

            var before = record.Conversation;
            var current = before;
            var change = ConversationChange.Assigned;
            if (assignee is { } a)
            {
                var t = a.MemberId is { } memberId
                    ? ConversationMachine.Assign(current, await RequireAssignableAsync(w, caller, record, memberId), w.Now)
                    : Unassign(caller, current, w.Now);
                (current, change) = (t.Next, t.Change);
            }
            if (request.BotActive is { } on)
                (current, change) = Apply(ConversationMachine.SetBotActive(current, on, w.Now));
            if (request.Resolved is { } resolved)
                (current, change) = Apply(resolved ? ConversationMachine.Resolve(current, w.Now) : ConversationMachine.Reopen(current, w.Now));

            long seq;
            var after = record.With(current);
            if (current.Version == before.Version)
                seq = w.LastSeq; // Nothing changed: confirmed as of the current cursor, no event.
            else
            {
                // Several steps in one PATCH are one change: one version bump, one event.
                current = current with { Version = before.Version + 1 };
                after = record.With(current);
                await ConversationStore.UpdateAsync(w, before, current);
                seq = await ConversationWriter.AppendEventAsync(w, after, change, caller.Actor, mutationId);
            }
            await IdempotencyStore.RecordAsync(w, mutationId, Target(id), requestHash, seq);
            return new ConversationWriteResponse(ConversationViews.ForTeam(after), seq, Replayed: false);
        }, cancellationToken);
    }

    static (Conversation, ConversationChange) Apply(Transition t) => (t.Next, t.Change);

    static Transition Unassign(Caller caller, Conversation c, DateTimeOffset now)
    {
        if (!caller.IsAdmin && c.AssigneeId is { } current && current != caller.MemberId)
            throw new DomainException("assign_forbidden", "Only an admin may unassign a colleague.", DomainErrorKind.Forbidden);
        return ConversationMachine.Unassign(c, now);
    }

    static async Task<long> RequireAssignableAsync(WriteContext w, Caller caller, ConversationRecord record, long memberId)
    {
        var c = record.Conversation;
        // Operators may take a conversation for themselves; handing it to someone else is an admin's call.
        if (!caller.IsAdmin && memberId != caller.MemberId)
            throw new DomainException("assign_forbidden", "Only an admin may assign a conversation to someone else.", DomainErrorKind.Forbidden);
        if (!caller.IsAdmin && c.AssigneeId is { } owner && owner != caller.MemberId)
            throw new DomainException("conversation_taken", "A colleague already owns this conversation.");
        if (!await MemberStore.IsActiveAsync(w, memberId)) throw new DomainException("assignee_invalid", "The assignee must be an active member of this workspace.", DomainErrorKind.Invalid);
        // Nobody owns a conversation they may not see (issue 20): a team inbox's goes to an admin or a member of its team.
        if (record.InboxTeamId is { } team && !await Teams.TeamStore.MemberSeesAsync(w, memberId, team))
            throw new DomainException("assignee_not_in_team", "The assignee must be an admin or a member of the inbox's team.", DomainErrorKind.Invalid);
        return memberId;
    }

    sealed record AssigneeChange(long? MemberId);

    /// <summary>Absent means "leave as is"; null means "unassign"; a number assigns.</summary>
    static AssigneeChange? ReadAssignee(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined => null,
        JsonValueKind.Null => new AssigneeChange(null),
        JsonValueKind.Number when value.TryGetInt64(out var id) && id > 0 => new AssigneeChange(id),
        _ => throw new DomainException("assignee_id_invalid", "assigneeId must be a member id or null.", DomainErrorKind.Invalid),
    };

    static string Target(long id) => $"conversation:{id}";

    static string Hash(long id, bool? bot, bool? resolved, AssigneeChange? assignee) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{id}|{bot}|{resolved}|{(assignee is null ? "-" : assignee.MemberId?.ToString() ?? "null")}")));
}
