using Switchboard.Client.Models;

namespace Switchboard.Client.Sync;

public sealed partial class LiveStoreCore
{
    /// <summary>Conversations as the UI shows them (pending changes applied), newest activity first.</summary>
    public IReadOnlyList<ConversationDto> Conversations =>
        conversations.Values.Select(Project).OrderByDescending(c => c.LastMessageAt ?? c.CreatedAt).ThenByDescending(c => c.Id).ToList();

    /// <summary>Members of the workspace.</summary>
    public IReadOnlyList<MemberDto> Members => members.Values.OrderBy(m => m.Id).ToList();

    /// <summary>The workspace's labels by name, kept live by <c>label.updated</c> and <c>label.deleted</c> (team only).</summary>
    public IReadOnlyList<LabelDto> Labels => labels.Values.OrderBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(l => l.Id).ToList();
    /// <summary>The canned replies the caller may use (the workspace's and their own), by short code, kept current by the stream.</summary>
    public IReadOnlyList<CannedReplyDto> CannedReplies => cannedReplies.All;

    /// <summary>A contact as the <c>contact.*</c> events (or <see cref="LoadContact"/>) last described it; null when never seen.</summary>
    public ContactDetailsDto? Contact(long id) => contacts.Get(id);

    /// <summary>Merges a contact read from the API (the panel's first read), by version.</summary>
    public void LoadContact(ContactDetailsDto contact)
    {
        contacts.Load(contact);
        Changed?.Invoke();
    }

    /// <summary>One conversation as the UI shows it, or null when unknown.</summary>
    public ConversationDto? GetConversation(long id) => conversations.TryGetValue(id, out var c) ? Project(c) : null;

    /// <summary>The confirmed conversation, without pending changes (what the server has said so far).</summary>
    public ConversationDto? GetConfirmedConversation(long id) => conversations.GetValueOrDefault(id);

    /// <summary>
    /// A conversation's messages: confirmed ones in conversation order, then local ones still on their way,
    /// in the order they were written. Each clientMessageId appears once.
    /// </summary>
    public IReadOnlyList<MessageView> GetMessages(long conversationId)
    {
        var confirmed = messages.TryGetValue(conversationId, out var byId) ? byId : new Dictionary<string, MessageDto>();
        var view = confirmed.Values.OrderBy(m => m.Ordinal).Select(m =>
            new MessageView(m.ClientMessageId, m.Id, m.Ordinal, m.Text, m.SenderRole, m.SenderName, m.Status, false, m.IsNote, m.Error, m)
            {
                Attachments = Views(m),
            }).ToList();
        foreach (var p in pending.OfType<PendingMessage>().Where(p => p.ConversationId == conversationId && !confirmed.ContainsKey(p.Key)).OrderBy(p => p.Order))
        {
            // An answer proves the message is stored ("sent"), nothing more: a later status in a replayed answer
            // must come from the stream, or the view would move back when the older creation event arrives.
            var status = p.State == PendingState.Failed ? "failed" : p.Server is null ? "sending" : "sent";
            view.Add(new MessageView(p.Key, p.Server?.Id, p.Server?.Ordinal, p.Text, p.Server?.SenderRole ?? "self", p.Server?.SenderName, status, true, p.IsNote, p.Error, p.Server)
            {
                Attachments = p.Server is { } s ? Views(s) : [.. p.Uploads.Select(u => u.View())],
            });
        }
        return view;
    }

    static IReadOnlyList<Attachments.AttachmentView> Views(MessageDto m) => m.Attachments.Count == 0 ? [] : [.. m.Attachments.Select(Attachments.AttachmentView.Of)];

    /// <summary>Pending patches of a conversation in order (for property tests: the view must show the latest).</summary>
    internal IReadOnlyList<ConversationPatch> PendingPatches(long conversationId) =>
        pending.OfType<PendingPatch>().Where(p => p.ConversationId == conversationId).OrderBy(p => p.Order).Select(p => p.Patch).ToList();

    /// <summary>The request a pending write sends (for tests that answer it from a model server), or null when it is settled.</summary>
    internal OutgoingRequest? DescribePending(string key) =>
        pending.Find(p => p.Key == key)?.ToRequest() ?? (FindUpload(key) is var (message, upload) ? upload.ToRequest(message.ConversationId) : null);

    /// <summary>The confirmed conversation with every pending patch of it re-applied in order.</summary>
    ConversationDto Project(ConversationDto confirmed)
    {
        var c = confirmed;
        foreach (var p in pending.OfType<PendingPatch>().Where(p => p.ConversationId == confirmed.Id).OrderBy(p => p.Order))
            c = Apply(c, p.Patch);
        return c;
    }

    /// <summary>The optimistic guess of a patch's effect, in the server's order: assignee, bot switch, resolve.</summary>
    static ConversationDto Apply(ConversationDto c, ConversationPatch patch)
    {
        if (patch.ChangeAssignee)
        {
            c = patch.AssigneeId is null
                ? c with { AssigneeId = null, State = c.State == "assigned" ? "queued" : c.State }
                : c with { AssigneeId = patch.AssigneeId, BotActive = false, State = c.State == "waiting_customer" ? c.State : "assigned" };
        }
        if (patch.BotActive is { } on && c.State != "resolved")
        {
            c = on
                ? c with { BotActive = true, State = "bot" }
                : c with { BotActive = false, State = c.State == "bot" ? (c.AssigneeId is null ? "queued" : "assigned") : c.State };
        }
        if (patch.Resolved is { } resolved)
        {
            c = resolved
                ? c with { State = "resolved", BotActive = false, SnoozedUntil = null, SnoozeUntilReply = false, WakeReason = null }
                : c.State == "resolved" ? c with { State = c.AssigneeId is null ? "queued" : "assigned" } : c;
        }
        // A resolved conversation cannot be snoozed (the server refuses), so the view never shows it so.
        if (patch.Snooze is { } snooze && c.State != "resolved")
            c = c with { SnoozedUntil = snooze.Until, SnoozeUntilReply = snooze.UntilReply, WakeReason = null };
        return c;
    }
}
