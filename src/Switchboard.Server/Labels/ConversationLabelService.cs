using System.Security.Cryptography;
using System.Text;
using Switchboard.Core;
using Switchboard.Core.Messages;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Labels;

/// <summary>Adds and removes labels on a conversation: any team member may, visitors never (the API's policy).</summary>
public sealed class ConversationLabelService(EventLogWriter eventLog)
{
    public Task<ConversationWriteResponse> ChangeAsync(Caller caller, long conversationId, ConversationLabelsRequest request, CancellationToken cancellationToken)
    {
        var mutationId = MessageText.ValidateClientId(request.MutationId, "mutationId");
        var add = (request.Add ?? []).Distinct().Order().ToArray();
        var remove = (request.Remove ?? []).Distinct().Order().ToArray();
        if (add.Length == 0 && remove.Length == 0)
            throw new DomainException("patch_empty", "Send at least one label id in add or remove.", DomainErrorKind.Invalid);
        if (add.Intersect(remove).Any())
            throw new DomainException("labels_conflict", "A label cannot be both added and removed in one change.", DomainErrorKind.Invalid);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationId}|+{string.Join(',', add)}|-{string.Join(',', remove)}")));

        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var record = await ConversationStore.GetVisibleAsync(w.Connection, w.Transaction, caller, conversationId);
            var replay = await IdempotencyStore.FindAsync(w, mutationId);
            if (replay is not null)
            {
                if (replay.Target != $"conversation:{conversationId}" || replay.RequestHash != hash)
                    throw new DomainException(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
                return new ConversationWriteResponse(ConversationViews.ForTeam(record), replay.Seq, Replayed: true);
            }
            // Only labels being added must exist: removing one deleted meanwhile is already done.
            var known = await LabelStore.ExistingAsync(w, add);
            if (add.FirstOrDefault(id => !known.Contains(id)) is var missing and > 0)
                throw new DomainException("label_not_found", $"No label {missing} in this workspace.", DomainErrorKind.Invalid);
            var next = record.Conversation.LabelIds.Union(add).Except(remove).ToArray();
            if (next.Length > LabelRules.MaxPerConversation && next.Length > record.Conversation.LabelIds.Count)
                throw new DomainException("label_limit_reached", $"A conversation carries at most {LabelRules.MaxPerConversation} labels.");

            var saved = await ConversationLabelWriter.SaveAsync(w, record, next, caller.Actor, mutationId);
            var (after, seq) = saved ?? (record, w.LastSeq); // the same set: confirmed as of the current cursor, no event
            await IdempotencyStore.RecordAsync(w, mutationId, $"conversation:{conversationId}", hash, seq);
            return new ConversationWriteResponse(ConversationViews.ForTeam(after), seq, Replayed: false);
        }, cancellationToken);
    }
}
