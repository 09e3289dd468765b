using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Core.Events;
using Switchboard.Core.Messages;
using Switchboard.Server.Attachments;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Members;
using Switchboard.Server.Storage;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Messages;

/// <summary>
/// Storing messages: idempotent by <c>clientMessageId</c>, moving the conversation through the state machine,
/// updating counters and appending <c>message.created</c>, all in one transaction.
/// </summary>
public sealed class MessageService(Database database, EventLogWriter eventLog, IEnumerable<IChannelSendPolicy> sendPolicies)
{
    public const int MaxPage = 200;

    readonly Dictionary<string, IChannelSendPolicy> policies = sendPolicies.ToDictionary(p => p.Channel, StringComparer.Ordinal);

    /// <summary>
    /// The one way a message is stored, whoever writes it (API, bot, channel, demo): idempotent by its
    /// <c>clientMessageId</c>, refused by the channel's send policy before anything is written.
    /// </summary>
    public Task<PostMessageResponse> PostAsync(MessagePost post, CancellationToken cancellationToken)
    {
        var checkedPost = Check(post);
        return eventLog.WriteAsync(post.WorkspaceId, w => StoreAsync(w, checkedPost), cancellationToken);
    }

    /// <summary>
    /// <see cref="PostAsync"/> inside a write the caller runs, for a message that must commit together with the caller's
    /// other changes or not at all (the bot's farewell and its handoff).
    /// </summary>
    public Task<PostMessageResponse> PostInAsync(WriteContext w, MessagePost post)
    {
        if (w.WorkspaceId != post.WorkspaceId) throw new InvalidOperationException("The message belongs to another workspace's write.");
        return StoreAsync(w, Check(post));
    }

    /// <summary>What the request says, checked before anything is read or written.</summary>
    sealed record CheckedPost(MessagePost Post, string ClientMessageId, IReadOnlyList<string> AttachmentIds, string Text, bool IsNote);

    static CheckedPost Check(MessagePost post)
    {
        var (_, author, _, request) = post;
        if (request.IsNote == true && !author.IsTeam)
            throw new DomainException("note_forbidden", "Only the team can write internal notes.", DomainErrorKind.Forbidden);
        // An external bot's key may answer, read and hand off (docs/bots.md); notes are the people's.
        if (request.IsNote == true && post.VisibleTo is { IsBot: true })
            throw new DomainException("note_forbidden", "A bot's key cannot write internal notes.", DomainErrorKind.Forbidden);
        var clientMessageId = MessageText.ValidateClientId(request.ClientMessageId, "clientMessageId");
        var attachmentIds = MessageAttachments.ValidateIds(request.AttachmentIds);
        // A message of files alone has no text.
        var text = attachmentIds.Count > 0 && Core.Text.TextRules.IsBlank(request.Text?.Trim() ?? "") ? "" : MessageText.Normalize(request.Text);
        var isNote = request.IsNote == true;
        if (request.SeenSeq is < 0) throw new DomainException("seen_seq_invalid", "seenSeq must not be negative.", DomainErrorKind.Invalid);
        return new CheckedPost(post, clientMessageId, attachmentIds, text, isNote);
    }

    async Task<PostMessageResponse> StoreAsync(WriteContext w, CheckedPost checkedPost)
    {
        var (post, clientMessageId, attachmentIds, text, isNote) = checkedPost;
        var (_, author, conversationId, request) = post;
        var (content, visibleTo) = (post.Content, post.VisibleTo);
        var (found, storedId) = await ConversationStore.FindForSendAsync(w, conversationId, clientMessageId);
        var record = ConversationStore.RequireVisible(found, visibleTo);
        var view = author.IsTeam ? (Func<ConversationRecord, ConversationResponse>)ConversationViews.ForTeam : ConversationViews.ForVisitor;

        // A retried send: answer with what was stored (read in full only now, which is rare).
        if (storedId is not null && await MessageStore.FindByClientIdAsync(w, conversationId, clientMessageId) is { } existing)
        {
            if (existing.Text != text || existing.SenderRole != EnumText.ToText(author.Role) || existing.SenderId != author.SenderId || existing.IsNote != isNote
                || existing.Kind != content.Kind)
                throw new DomainException(ErrorCodes.IdempotencyConflict, "This clientMessageId was already used for a different message.");
            return new PostMessageResponse(existing.ToResponse(await MessageAttachments.ForMessageAsync(w, existing.Id)), view(record), existing.Seq,
                CustomerWroteMeanwhile: false, Replayed: true);
        }

        if (!isNote && request.ReplyAnyway != true) await ReplyOwnership.RequireOwnOrUnownedAsync(w, author, record.Conversation);
        var attachments = await MessageAttachments.TakeAsync(w, conversationId, attachmentIds, visibleTo);

        // Only what the team sends goes out through a channel; the channel may refuse it (nothing is written yet).
        var policy = author.Role == SenderRole.Customer || isNote ? null : policies.GetValueOrDefault(record.Channel);
        var status = policy is null ? DeliveryStatus.Sent : await policy.BeforeSendAsync(w, record, content);
        var before = record.Conversation;
        var seq = w.NextSeq;
        // A note, or an automatic system message (the closed-hours reply), leaves the conversation's state as it is.
        var quiet = isNote || author.Role == SenderRole.System;
        var transition = quiet ? new Transition(before, ConversationChange.OperatorMessage) : await TransitionAsync(w, before, author, request.SeenSeq, seq);
        var next = quiet ? before : transition.Next with { LastMessagePreview = MessageStore.Preview(text.Length > 0 ? text : "📎 " + attachments[0].FileName) };
        var after = record.With(next);

        var message = await MessageStore.InsertAsync(w, new MessageRow
        {
            WorkspaceId = w.WorkspaceId,
            ConversationId = conversationId,
            ClientMessageId = clientMessageId,
            SenderRole = EnumText.ToText(author.Role),
            SenderId = author.SenderId,
            SenderName = author.Role == SenderRole.Customer ? record.Contact.Name : author.Name,
            Text = text,
            IsNote = isNote,
            Status = MessageStore.StatusText(status),
            HandledByOperatorId = author.Role == SenderRole.Customer ? next.AssigneeId : author.MemberId,
            Seq = seq,
            Version = 1,
            CreatedAt = w.NowMs,
            UpdatedAt = w.NowMs,
            Kind = content.Kind,
            MediaId = content.MediaId,
            Details = content.Details,
            ExternalId = content.ExternalId,
        });
        if (!quiet) await ConversationStore.UpdateAsync(w, before, next);
        if (author.Role == SenderRole.Operator && author.MemberId is { } memberId && !isNote)
            await MemberStore.CountMessageAsync(w, memberId);

        await MessageAttachments.LinkAsync(w, message.Id, attachments);
        var response = message.ToResponse(MessageAttachments.Responses(attachments));
        if (policy is not null) await policy.StoredAsync(w, response);
        var appended = await w.AppendAsync(new EventDraft(EventTypes.MessageCreated, conversationId, before.ContactId,
            new MessageEventData(response, isNote ? null : ConversationViews.ForTeam(after)),
            isNote ? null : new MessageEventData(response, ConversationViews.ForVisitor(after)),
            message.Version, author.Actor, ClientMessageId: clientMessageId) { InboxId = before.InboxId });
        if (appended != seq) throw new InvalidOperationException("Nothing may be appended between a message's seq and its message.created.");
        return new PostMessageResponse(response, view(after), seq, transition.CustomerWroteMeanwhile, Replayed: false);
    }

    static async Task<Transition> TransitionAsync(WriteContext w, Conversation c, Author author, long? seenSeq, long seq)
    {
        var settings = await WorkspaceStore.GetSettingsAsync(w);
        return author.Role switch
        {
            SenderRole.Customer => ConversationMachine.CustomerMessage(c, settings, seq, w.Now),
            SenderRole.Bot => ConversationMachine.BotMessage(c, w.Now),
            _ => ConversationMachine.OperatorMessage(c, author.MemberId, settings, seenSeq, w.Now),
        };
    }

    /// <summary>
    /// A page of messages in conversation order: the newest <paramref name="limit"/> by default, the newest before
    /// an ordinal, the oldest after one, or, with both, the newest strictly between them (a client filling a gap in
    /// its history asks for exactly the missing range). Visitors never get internal notes.
    /// </summary>
    public Task<MessagePageResponse> ListAsync(Caller caller, long conversationId, long? before, long? after, int? limit, CancellationToken cancellationToken)
    {
        var take = limit ?? 50;
        if (take is < 1 or > MaxPage) throw new DomainException("limit_invalid", $"limit must be 1 to {MaxPage}.", DomainErrorKind.Invalid);

        return database.ReadAsync(async (c, tx) =>
        {
            await ConversationStore.GetVisibleAsync(c, tx, caller, conversationId);
            var cursor = await WorkspaceStore.CursorAsync(c, tx, caller.WorkspaceId);
            var rows = await MessageStore.PageAsync(c, tx, conversationId, withNotes: !caller.IsVisitor, before, after, take + 1, cancellationToken);
            var hasMore = rows.Count > take;
            var kept = rows.Take(take).OrderBy(m => m.Ordinal).ToList();
            var attachments = await AttachmentStore.ForMessagesAsync(c, tx, conversationId, kept.Select(m => m.Id).ToList(), cancellationToken);
            var page = kept.Select(m => m.ToResponse(MessageAttachments.Responses(attachments[m.Id]))).ToList();
            return new MessagePageResponse(page, hasMore, cursor);
        }, cancellationToken);
    }
}
