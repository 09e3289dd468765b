using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Labels;

/// <summary>
/// The workspace's label set: everyone on the team reads it, admins change it. Every change appends a team-only event
/// (no contact, no public data), so visitors' streams never carry it.
/// </summary>
public sealed class LabelService(Database database, EventLogWriter eventLog, ILogger<LabelService> logger)
{
    public Task<IReadOnlyList<LabelResponse>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<LabelResponse>>(async (c, tx) =>
            (await LabelStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken)).Select(l => l.ToResponse()).ToList(), cancellationToken);

    public Task<(LabelResponse Label, long Seq)> CreateAsync(Caller caller, CreateLabelRequest request, CancellationToken cancellationToken)
    {
        var mutationId = MutationKeys.Optional(request.MutationId);
        var (name, colour, description) = (LabelRules.Name(request.Name), LabelRules.Colour(request.Colour), LabelRules.Description(request.Description));
        var hash = MutationKeys.Hash("create", name, colour, description);
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            if (mutationId is not null && await IdempotencyStore.FindAsync(w, mutationId) is { } replay)
            {
                // The created label's id is in the record's target: answer with it as it is now (or 404 if deleted since).
                if (replay.RequestHash != hash || !replay.Target.StartsWith("label:", StringComparison.Ordinal))
                    throw new DomainException(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
                return ((await LabelStore.GetAsync(w, long.Parse(replay.Target["label:".Length..]))).ToResponse(), replay.Seq);
            }
            if (await LabelStore.CountAsync(w) >= LabelRules.MaxPerWorkspace)
                throw new DomainException("label_limit_reached", $"A workspace has at most {LabelRules.MaxPerWorkspace} labels.");
            if (await LabelStore.NameTakenAsync(w, LabelRules.NameKey(name), exceptId: 0))
                throw new DomainException("label_name_taken", "Another label already has this name.");
            var label = await LabelStore.InsertAsync(w, name, colour, description);
            var seq = await AppendUpdatedAsync(w, label, caller.Actor, mutationId);
            if (mutationId is not null) await IdempotencyStore.RecordAsync(w, mutationId, Target(label.Id), hash, seq);
            return (label.ToResponse(), seq);
        }, cancellationToken);
    }

    public Task<(LabelResponse Label, long Seq)> UpdateAsync(Caller caller, long id, UpdateLabelRequest request, CancellationToken cancellationToken)
    {
        var mutationId = MutationKeys.Optional(request.MutationId);
        var name = request.Name is null ? null : LabelRules.Name(request.Name);
        var colour = request.Colour is null ? null : LabelRules.Colour(request.Colour);
        var description = request.Description is null ? null : LabelRules.Description(request.Description);
        if (name is null && colour is null && request.Description is null)
            throw new DomainException("patch_empty", "Send at least one of name, colour or description.", DomainErrorKind.Invalid);
        var hash = MutationKeys.Hash("update", id.ToString(), name, colour, request.Description is null ? "-" : description ?? "");
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var label = await LabelStore.GetAsync(w, id);
            if (mutationId is not null && await IdempotencyStore.FindAsync(w, mutationId) is { } replay)
                return replay.Target == Target(id) && replay.RequestHash == hash
                    ? (label.ToResponse(), replay.Seq)
                    : throw new DomainException(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
            if (name is not null && await LabelStore.NameTakenAsync(w, LabelRules.NameKey(name), exceptId: id))
                throw new DomainException("label_name_taken", "Another label already has this name.");

            var next = (Name: name ?? label.Name, Colour: colour ?? label.Colour, Description: request.Description is null ? label.Description : description);
            var seq = w.LastSeq; // unchanged: confirmed as of the current cursor, no event
            if (next != (label.Name, label.Colour, label.Description))
            {
                (label.Name, label.Colour, label.Description) = next;
                label.Version++;
                label.UpdatedAt = w.NowMs;
                await LabelStore.UpdateAsync(w, label);
                seq = await AppendUpdatedAsync(w, label, caller.Actor, mutationId);
            }
            if (mutationId is not null) await IdempotencyStore.RecordAsync(w, mutationId, Target(id), hash, seq);
            return (label.ToResponse(), seq);
        }, cancellationToken);
    }

    /// <summary>Deletes a label and takes it off every conversation (each gets its <c>conversation.updated</c>), then appends <c>label.deleted</c>.</summary>
    public Task<LabelDeletedResponse> DeleteAsync(Caller caller, long id, string? mutationIdText, CancellationToken cancellationToken)
    {
        var mutationId = MutationKeys.Optional(mutationIdText);
        var hash = MutationKeys.Hash("delete", id.ToString());
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            if (mutationId is not null && await IdempotencyStore.FindAsync(w, mutationId) is { } replay)
                return replay.Target == Target(id) && replay.RequestHash == hash
                    ? new LabelDeletedResponse(id, replay.Seq, 0)
                    : throw new DomainException(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
            var label = await LabelStore.GetAsync(w, id);
            var carriers = await ConversationStore.WithLabelAsync(w, id);
            foreach (var record in carriers)
                await ConversationLabelWriter.SaveAsync(w, record, record.Conversation.LabelIds.Where(l => l != id).ToArray(), caller.Actor, mutationId: null);
            await LabelStore.DeleteAsync(w, id);
            var seq = await w.AppendAsync(new EventDraft(EventTypes.LabelDeleted, null, null, new LabelDeletedData(id, label.Version + 1), null,
                label.Version + 1, caller.Actor, mutationId));
            if (mutationId is not null) await IdempotencyStore.RecordAsync(w, mutationId, Target(id), hash, seq);
            LabelsLog.Deleted(logger, w.WorkspaceId, id, carriers.Count);
            return new LabelDeletedResponse(id, seq, carriers.Count);
        }, cancellationToken);
    }

    /// <summary>Appends <c>label.updated</c> with the label's snapshot: team-only, so no contact and no public data.</summary>
    static Task<long> AppendUpdatedAsync(WriteContext w, LabelRow label, Actor actor, string? mutationId) =>
        w.AppendAsync(new EventDraft(EventTypes.LabelUpdated, null, null, label.ToResponse(), null, label.Version, actor, mutationId));

    static string Target(long id) => $"label:{id}";
}
