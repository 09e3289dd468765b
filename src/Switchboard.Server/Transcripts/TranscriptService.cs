using System.Runtime.CompilerServices;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Members;
using Switchboard.Server.Attachments;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Transcripts;

/// <summary>
/// Reads a conversation for export: its head first (so a missing conversation is refused before a byte is sent),
/// then its messages oldest first, page by page, up to the newest message the head saw. Each page is its own short
/// read: a long transcript going to a slow client holds no transaction open, and messages arriving meanwhile are
/// left out, so the export is the conversation as it stood when it began.
/// </summary>
public sealed class TranscriptService(Database database, TimeProvider clock)
{
    const int PageSize = 500;

    public Task<TranscriptHead> OpenAsync(Caller caller, long conversationId, CancellationToken cancellationToken) =>
        database.ReadAsync(async (c, tx) =>
        {
            var record = await ConversationStore.GetVisibleAsync(c, tx, caller, conversationId);
            var conversation = record.Conversation;
            var inboxes = await InboxStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken);
            var assignee = conversation.AssigneeId is { } id ? await MemberStore.FindAsync(c, tx, caller.WorkspaceId, id, cancellationToken) : null;
            var newest = await MessageStore.PageAsync(c, tx, conversationId, withNotes: true, before: null, after: null, limit: 1, cancellationToken);
            return new TranscriptHead(ConversationViews.ForTeam(record), inboxes.FirstOrDefault(i => i.Id == conversation.InboxId),
                assignee?.Name, newest.Count == 0 ? 0 : newest[0].Ordinal, clock.GetUtcNow());
        }, cancellationToken);

    public async IAsyncEnumerable<TranscriptMessage> MessagesAsync(TranscriptHead head, bool withNotes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = 0L;
        while (after < head.LastOrdinal)
        {
            // A page and its messages' files in one read, so a file is listed with the message that carries it.
            var (page, files) = await database.ReadAsync(async (c, tx) =>
            {
                var rows = await MessageStore.PageAsync(c, tx, head.Conversation.Id, withNotes, before: null, after, PageSize, cancellationToken);
                return (rows, await AttachmentStore.ForMessagesAsync(c, tx, head.Conversation.Id, rows.Select(m => m.Id).ToList(), cancellationToken));
            }, cancellationToken);
            foreach (var message in page)
            {
                if (message.Ordinal > head.LastOrdinal) yield break;
                yield return new TranscriptMessage(message, files[message.Id].Select(a => a.ToResponse()).ToList());
            }
            if (page.Count < PageSize) yield break;
            after = page[^1].Ordinal;
        }
    }
}

/// <summary>What a transcript says about its conversation, read once before the messages.</summary>
/// <param name="LastOrdinal">The newest message's ordinal when the export began (0: no messages); later ones are not exported.</param>
public sealed record TranscriptHead(ConversationResponse Conversation, InboxResponse? Inbox, string? AssigneeName, long LastOrdinal,
    DateTimeOffset ExportedAt);
