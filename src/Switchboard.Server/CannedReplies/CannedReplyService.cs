using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Core;
using Switchboard.Core.CannedReplies;
using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;
using Switchboard.Server.Storage;

namespace Switchboard.Server.CannedReplies;

/// <summary>
/// Canned replies: every member uses the workspace's (admins manage them) and their own personal ones. Each change
/// appends <c>canned_reply.updated</c> or <c>canned_reply.deleted</c>; a personal reply's events reach its owner alone.
/// </summary>
public sealed class CannedReplyService(Database database, EventLogWriter eventLog, ILogger<CannedReplyService> logger)
{
    public Task<IReadOnlyList<CannedReplyRow>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        database.ReadAsync((c, tx) => CannedReplyStore.VisibleAsync(c, tx, caller.WorkspaceId, caller.MemberId, cancellationToken), cancellationToken);

    public Task<CannedReplyWriteResponse> CreateAsync(Caller caller, CreateCannedReplyRequest request, CancellationToken cancellationToken)
    {
        var mutationId = MessageText.ValidateClientId(request.MutationId, "mutationId");
        var scope = CannedReplyRules.Scope(request.Scope ?? CannedReplyRow.PersonalScope);
        var (code, title, text) = (CannedReplyRules.Code(request.ShortCode), CannedReplyRules.Title(request.Title), CannedReplyRules.Text(request.Text));
        var ownerId = OwnerFor(caller, scope);
        var scopeName = CannedReplyRow.ScopeName(scope);
        var hash = Hash($"create|{scopeName}|{ownerId}|{code}|{title}|{text}");

        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            if (await ReplayAsync(w, caller, mutationId, hash) is { } replay) return replay;
            if (await CannedReplyStore.CodeTakenAsync(w, scopeName, ownerId, code, exceptId: 0)) throw CodeTaken(code);
            if (await CannedReplyStore.CountAsync(w, scopeName, ownerId) >= CannedReplyRules.MaxPerOwner)
                throw new DomainException("canned_reply_limit", $"A scope can hold at most {CannedReplyRules.MaxPerOwner} canned replies.");
            var row = await CannedReplyStore.InsertAsync(w, scopeName, ownerId, code, title, text, caller.MemberId);
            var seq = await AppendUpdatedAsync(w, row, caller, mutationId);
            await IdempotencyStore.RecordAsync(w, mutationId, Target(row.Id), hash, seq);
            CannedReplyLog.Created(logger, w.WorkspaceId, row.Id, row.Scope);
            return new CannedReplyWriteResponse(row.ToResponse(), seq, Replayed: false);
        }, cancellationToken);
    }

    public Task<CannedReplyWriteResponse> UpdateAsync(Caller caller, long id, UpdateCannedReplyRequest request, CancellationToken cancellationToken)
    {
        var mutationId = MessageText.ValidateClientId(request.MutationId, "mutationId");
        var code = request.ShortCode is null ? null : CannedReplyRules.Code(request.ShortCode);
        var title = request.Title is null ? null : CannedReplyRules.Title(request.Title);
        var text = request.Text is null ? null : CannedReplyRules.Text(request.Text);
        if (code is null && title is null && text is null)
            throw new DomainException("patch_empty", "Send at least one of shortCode, title or text.", DomainErrorKind.Invalid);
        var hash = Hash($"update|{id}|{code}|{title}|{text}");

        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            if (await ReplayAsync(w, caller, mutationId, hash) is { } replay) return replay;
            var row = await ManageableAsync(w, caller, id);
            var next = (Code: code ?? row.ShortCode, Title: title ?? row.Title, Text: text ?? row.Body);
            if (next == (row.ShortCode, row.Title, row.Body))
            {
                // Nothing changed: confirmed as of the current cursor, no event.
                await IdempotencyStore.RecordAsync(w, mutationId, Target(id), hash, w.LastSeq);
                return new CannedReplyWriteResponse(row.ToResponse(), w.LastSeq, Replayed: false);
            }
            if (await CannedReplyStore.CodeTakenAsync(w, row.Scope, row.OwnerId, next.Code, exceptId: id)) throw CodeTaken(next.Code);
            var after = await CannedReplyStore.UpdateAsync(w, id, next.Code, next.Title, next.Text);
            var seq = await AppendUpdatedAsync(w, after, caller, mutationId);
            await IdempotencyStore.RecordAsync(w, mutationId, Target(id), hash, seq);
            CannedReplyLog.Updated(logger, w.WorkspaceId, id, after.Scope, after.Version);
            return new CannedReplyWriteResponse(after.ToResponse(), seq, Replayed: false);
        }, cancellationToken);
    }

    public Task<CannedReplyDeleteResponse> DeleteAsync(Caller caller, long id, DeleteCannedReplyRequest request, CancellationToken cancellationToken)
    {
        var mutationId = MessageText.ValidateClientId(request.MutationId, "mutationId");
        var hash = Hash($"delete|{id}");
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var entry = await IdempotencyStore.FindAsync(w, mutationId);
            if (entry is not null)
                return entry.Target == Target(id) && entry.RequestHash == hash
                    ? new CannedReplyDeleteResponse(id, entry.Seq, Replayed: true)
                    : throw IdempotencyConflict();
            var row = await ManageableAsync(w, caller, id);
            await CannedReplyStore.DeleteAsync(w, id);
            var seq = await w.AppendAsync(new EventDraft(EventTypes.CannedReplyDeleted, null, null,
                new CannedReplyDeletedData(row.Id, row.Scope, row.Addressee), null, row.Version + 1, caller.Actor, mutationId) { MemberId = row.Addressee });
            await IdempotencyStore.RecordAsync(w, mutationId, Target(id), hash, seq);
            CannedReplyLog.Deleted(logger, w.WorkspaceId, id, row.Scope);
            return new CannedReplyDeleteResponse(id, seq, Replayed: false);
        }, cancellationToken);
    }

    static Task<long> AppendUpdatedAsync(WriteContext w, CannedReplyRow row, Caller caller, string mutationId) =>
        w.AppendAsync(new EventDraft(EventTypes.CannedReplyUpdated, null, null, row.ToResponse(), null, row.Version, caller.Actor, mutationId)
        {
            MemberId = row.Addressee,
        });

    /// <summary>
    /// The reply if <paramref name="caller"/> may change it: their own personal reply, or a workspace one for an admin.
    /// Someone else's personal reply does not exist for them (404), so its existence never leaks.
    /// </summary>
    static async Task<CannedReplyRow> ManageableAsync(WriteContext w, Caller caller, long id)
    {
        var row = await CannedReplyStore.FindAsync(w, id);
        if (row is null || (row.IsPersonal && row.OwnerId != caller.MemberId)) throw NotFound();
        if (!row.IsPersonal && !caller.IsAdmin) throw Forbidden();
        return row;
    }

    /// <summary>The owner id a new reply of <paramref name="scope"/> gets from its creator, or the refusal.</summary>
    static long OwnerFor(Caller caller, CannedReplyScope scope) => scope switch
    {
        CannedReplyScope.Workspace when caller.IsAdmin => 0,
        CannedReplyScope.Workspace => throw Forbidden(),
        _ => caller.MemberId ?? throw new DomainException("member_required", "Only a signed-in member has personal canned replies.", DomainErrorKind.Forbidden),
    };

    /// <summary>A retried create or change answers with the reply as it is now, and the seq of its first write.</summary>
    static async Task<CannedReplyWriteResponse?> ReplayAsync(WriteContext w, Caller caller, string mutationId, string hash)
    {
        var entry = await IdempotencyStore.FindAsync(w, mutationId);
        if (entry is null) return null;
        if (entry.RequestHash != hash || !entry.Target.StartsWith(TargetPrefix, StringComparison.Ordinal)) throw IdempotencyConflict();
        var id = long.Parse(entry.Target[TargetPrefix.Length..], CultureInfo.InvariantCulture);
        var row = await CannedReplyStore.FindAsync(w, id);
        if (row is null || (row.IsPersonal && row.OwnerId != caller.MemberId)) throw NotFound();
        return new CannedReplyWriteResponse(row.ToResponse(), entry.Seq, Replayed: true);
    }

    const string TargetPrefix = "canned_reply:";
    static string Target(long id) => TargetPrefix + id.ToString(CultureInfo.InvariantCulture);
    static string Hash(string request) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)));

    static DomainException NotFound() => new("canned_reply_not_found", "No such canned reply.", DomainErrorKind.NotFound);
    static DomainException Forbidden() => new("canned_reply_forbidden", "Only an admin may manage the workspace's canned replies.", DomainErrorKind.Forbidden);
    static DomainException CodeTaken(string code) => new("canned_reply_code_taken", $"Another canned reply of this scope already has the code '{code}'.");
    static DomainException IdempotencyConflict() => new(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
}
