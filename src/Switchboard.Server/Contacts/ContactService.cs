using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Contacts;

/// <summary>
/// The side panel's writes (issue 20): a team member edits a contact, merges a duplicate into it; a visitor's widget reports
/// the page it is on. Every change appends <c>contact.updated</c> (team only: no public copy) with the contact's snapshot;
/// an edit or a merge also re-sends each affected conversation's snapshot, so lists show the new name live.
/// </summary>
public sealed class ContactService(EventLogWriter eventLog, ILogger<ContactService> logger)
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;

    public Task<ContactWriteResponse> UpdateAsync(Caller caller, long id, UpdateContactRequest request, CancellationToken cancellationToken)
    {
        var mutationId = OptionalMutationId(request.MutationId);
        var name = request.Name is null ? null : Name(request.Name);
        var email = request.Email is null ? null : Email(request.Email);
        if (request.Name is null && request.Email is null)
            throw new DomainException("patch_empty", "Send at least one of name or email.", DomainErrorKind.Invalid);
        var hash = Hash("update", id.ToString(), name, request.Email is null ? "-" : email ?? "");
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var contact = await FindLiveAsync(w, id);
            if (mutationId is not null && await IdempotencyStore.FindAsync(w, mutationId) is { } replay)
                return replay.Target == Target(id) && replay.RequestHash == hash
                    ? new ContactWriteResponse(contact, replay.Seq, Replayed: true)
                    : throw IdempotencyConflict();
            var next = (Name: name ?? contact.Name, Email: request.Email is null ? contact.Email : email);
            var seq = w.LastSeq; // unchanged: confirmed as of the current cursor, no event
            if (next != (contact.Name, contact.Email))
            {
                if (next.Email is not null && next.Email != contact.Email && await ContactStore.WithEmailAsync(w, next.Email, id) is { } other)
                    throw new DomainException("contact_email_taken", $"Contact {other} already has this email: merge the two instead.")
                    {
                        Details = new Dictionary<string, object?> { ["contactId"] = other },
                    };
                await ContactStore.SetProfileAsync(w, id, next.Name, next.Email);
                (contact, seq) = await AppendUpdatedAsync(w, id, caller.Actor, mutationId);
                await ResendConversationsAsync(w, id, ConversationChange.ContactUpdated, caller.Actor);
            }
            if (mutationId is not null) await IdempotencyStore.RecordAsync(w, mutationId, Target(id), hash, seq);
            return new ContactWriteResponse(contact, seq);
        }, cancellationToken);
    }

    /// <summary>
    /// Merges <see cref="MergeContactRequest.DuplicateId"/> into <paramref name="keptId"/> in one transaction: its conversations
    /// (each with its <c>conversation.updated</c>), identities and the attributes the kept contact has not set move over; a
    /// placeholder name or a missing email is filled from the duplicate. The duplicate stays as a row marked merged, so a
    /// repeated merge answers as the first did and a visitor session of it is re-pointed (<see cref="ContactStore.CurrentIdAsync"/>).
    /// </summary>
    public Task<ContactWriteResponse> MergeAsync(Caller caller, long keptId, MergeContactRequest request, CancellationToken cancellationToken)
    {
        var mutationId = OptionalMutationId(request.MutationId);
        var duplicateId = request.DuplicateId;
        if (duplicateId <= 0) throw new DomainException("duplicate_id_invalid", "duplicateId must be a contact id.", DomainErrorKind.Invalid);
        if (duplicateId == keptId) throw new DomainException("merge_self", "A contact cannot be merged into itself.", DomainErrorKind.Invalid);
        var hash = Hash("merge", keptId.ToString(), duplicateId.ToString());
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var kept = await FindLiveAsync(w, keptId);
            // Another workspace's contact is not found here: merging across workspaces is a 404 like any unknown id.
            var duplicate = await ContactStore.FindAsync(w, duplicateId)
                ?? throw new DomainException("duplicate_not_found", "No such contact to merge.", DomainErrorKind.NotFound);
            if (mutationId is not null && await IdempotencyStore.FindAsync(w, mutationId) is { } replay)
                return replay.Target == Target(keptId) && replay.RequestHash == hash
                    ? new ContactWriteResponse(kept, replay.Seq, Replayed: true)
                    : throw IdempotencyConflict();
            // Already merged into this one (a retry without a mutationId, or a second operator): the same answer, nothing written.
            if (duplicate.MergedIntoId == keptId) return new ContactWriteResponse(kept, w.LastSeq, Replayed: true);
            if (duplicate.MergedIntoId is not null)
                throw new DomainException("contact_merged", $"Contact {duplicateId} was already merged into contact {duplicate.MergedIntoId}.")
                {
                    Details = new Dictionary<string, object?> { ["contactId"] = duplicate.MergedIntoId },
                };

            var moved = new List<long>();
            foreach (var record in await ConversationStore.OfContactAsync(w.Connection, w.Transaction, w.WorkspaceId, duplicateId, w.CancellationToken))
            {
                var before = record.Conversation;
                await ConversationStore.UpdateAsync(w, before, before with { ContactId = keptId, Version = before.Version + 1, UpdatedAt = w.Now });
                moved.Add(before.Id);
            }
            await ContactStore.MarkMergedAsync(w, keptId, duplicateId);
            await ContactStore.SetMergedProfileAsync(w, keptId,
                kept.Name is null or WidgetPlaceholderName && duplicate.Name is not null ? duplicate.Name : kept.Name,
                kept.Email ?? duplicate.Email,
                MergeAttributes(kept.Attributes, duplicate.Attributes));
            foreach (var id in moved)
                await ConversationWriter.AppendEventAsync(w, (await ConversationStore.FindAsync(w, id))!, ConversationChange.ContactMerged, caller.Actor);
            await ResendConversationsAsync(w, keptId, ConversationChange.ContactUpdated, caller.Actor, except: moved);
            var (after, _) = await AppendUpdatedAsync(w, keptId, caller.Actor, mutationId: null);
            // The team's copy lists what moved; the merged-away visitor's own widget learns where its session now points.
            var seq = await w.AppendAsync(new EventDraft(EventTypes.ContactMerged, null, duplicateId, new ContactMergedData(keptId, duplicateId, moved),
                new ContactMergedPublicData(keptId), after.Version, caller.Actor, mutationId));
            if (mutationId is not null) await IdempotencyStore.RecordAsync(w, mutationId, Target(keptId), hash, seq);
            ContactsLog.Merged(logger, w.WorkspaceId, duplicateId, keptId, moved.Count);
            return new ContactWriteResponse(after, seq);
        }, cancellationToken);
    }

    /// <summary>The page a visitor's widget is on: stored on their contact, one <c>contact.updated</c> for the team; the same page again writes nothing.</summary>
    public Task<long> ReportPageAsync(Caller visitor, ReportPageRequest request, CancellationToken cancellationToken)
    {
        var page = ContactPages.Validate(request);
        return eventLog.WriteAsync(visitor.WorkspaceId, async w =>
        {
            var id = visitor.ContactId!.Value;
            var contact = await ContactStore.FindAsync(w, id) ?? throw new DomainException("contact_not_found", "No such contact.", DomainErrorKind.NotFound);
            if (contact.Page is { } now && (now.Url, now.Title, now.Language, now.TimeZone) == (page.Url, page.Title, page.Language, page.TimeZone))
                return w.LastSeq;
            await ContactStore.SetPageAsync(w, id, page);
            return (await AppendUpdatedAsync(w, id, visitor.Actor, mutationId: null)).Seq;
        }, cancellationToken);
    }

    /// <summary>The name the widget gives a visitor who has not said theirs; a merge replaces it with a real one.</summary>
    const string WidgetPlaceholderName = "Visitor";

    static async Task<ContactResponse> FindLiveAsync(WriteContext w, long id)
    {
        var contact = await ContactStore.FindAsync(w, id) ?? throw new DomainException("contact_not_found", "No such contact.", DomainErrorKind.NotFound);
        return contact.MergedIntoId is { } into
            ? throw new DomainException("contact_merged", $"This contact was merged into contact {into}.")
            {
                Details = new Dictionary<string, object?> { ["contactId"] = into },
            }
            : contact;
    }

    /// <summary>Appends <c>contact.updated</c> with the snapshot as stored now; team only (no public copy, so no visitor ever reads it).</summary>
    static async Task<(ContactResponse Contact, long Seq)> AppendUpdatedAsync(WriteContext w, long id, Actor actor, string? mutationId)
    {
        var contact = (await ContactStore.FindAsync(w, id))!;
        var seq = await w.AppendAsync(new EventDraft(EventTypes.ContactUpdated, null, id, contact, null, contact.Version, actor, mutationId));
        return (contact, seq);
    }

    static async Task ResendConversationsAsync(WriteContext w, long contactId, ConversationChange change, Actor actor, IReadOnlyCollection<long>? except = null)
    {
        foreach (var record in await ConversationStore.OfContactAsync(w.Connection, w.Transaction, w.WorkspaceId, contactId, w.CancellationToken))
        {
            if (except?.Contains(record.Conversation.Id) == true) continue;
            var before = record.Conversation;
            await ConversationStore.UpdateAsync(w, before, before with { Version = before.Version + 1, UpdatedAt = w.Now });
            await ConversationWriter.AppendEventAsync(w, (await ConversationStore.FindAsync(w, before.Id))!, change, actor);
        }
    }

    static string? MergeAttributes(JsonElement? kept, JsonElement? duplicate)
    {
        if (duplicate is not { ValueKind: JsonValueKind.Object } extra) return kept?.GetRawText();
        var merged = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (kept is { ValueKind: JsonValueKind.Object } own)
            foreach (var p in own.EnumerateObject()) merged[p.Name] = p.Value;
        foreach (var p in extra.EnumerateObject())
            if (merged.Count < ContactAttributes.MaxKeys) merged.TryAdd(p.Name, p.Value);
        return merged.Count == 0 ? null : JsonSerializer.Serialize(merged);
    }

    /// <summary>1 to <see cref="MaxNameLength"/> characters after trimming, no control characters.</summary>
    public static string Name(string name)
    {
        var n = name.Trim();
        if (n.Length is 0 or > MaxNameLength || n.Any(char.IsControl))
            throw new DomainException("name_invalid", $"name must be 1 to {MaxNameLength} characters.", DomainErrorKind.Invalid);
        return n;
    }

    /// <summary>An email address, trimmed and lower-cased; an empty one means none (null).</summary>
    public static string? Email(string email)
    {
        var e = email.Trim().ToLowerInvariant();
        if (e.Length == 0) return null;
        var at = e.IndexOf('@');
        if (e.Length > MaxEmailLength || at <= 0 || at != e.LastIndexOf('@') || at == e.Length - 1 || !e[(at + 1)..].Contains('.')
            || e.EndsWith('.') || e.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch) || ch is '<' or '>' or ',' or ';' or '"'))
            throw new DomainException("email_invalid", "email must be an email address such as ada@example.com.", DomainErrorKind.Invalid);
        return e;
    }

    static DomainException IdempotencyConflict() => new(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");

    static string? OptionalMutationId(string? id) => id is null ? null : MessageText.ValidateClientId(id, "mutationId");

    static string Target(long id) => $"contact:{id}";

    static string Hash(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts.Select(p => p ?? "-")))));
}
