using System.Data.Common;
using Dapper;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Attachments;

/// <summary>SQL for <c>attachments</c>. Every lookup names the conversation or the workspace, so another's is simply not found.</summary>
public static partial class AttachmentStore
{
    const string Select = $"SELECT {AttachmentRow.Columns} FROM attachments";

    public static Task<AttachmentRow?> FindByClientIdAsync(DbConnection c, DbTransaction? tx, long conversationId, string clientAttachmentId,
        CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<AttachmentRow>(new CommandDefinition(
            $"{Select} WHERE conversation_id = @conversationId AND client_attachment_id = @clientAttachmentId",
            new { conversationId, clientAttachmentId }, tx, cancellationToken: cancellationToken));

    public static Task<AttachmentRow?> FindAsync(DbConnection c, DbTransaction? tx, long workspaceId, long id, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<AttachmentRow>(new CommandDefinition(
            $"{Select} WHERE workspace_id = @workspaceId AND id = @id", new { workspaceId, id }, tx, cancellationToken: cancellationToken));

    /// <summary>By id alone: only for a request whose signed link already names it (the content endpoint is anonymous).</summary>
    public static Task<AttachmentRow?> FindByIdAsync(DbConnection c, DbTransaction? tx, long id, CancellationToken cancellationToken) =>
        c.QuerySingleOrDefaultAsync<AttachmentRow>(new CommandDefinition($"{Select} WHERE id = @id", new { id }, tx, cancellationToken: cancellationToken));

    public static Task<AttachmentRow?> FindAsync(WriteContext w, long id) => FindAsync(w.Connection, w.Transaction, w.WorkspaceId, id, w.CancellationToken);

    public static Task<AttachmentRow?> FindByClientIdAsync(WriteContext w, long conversationId, string clientAttachmentId) =>
        FindByClientIdAsync(w.Connection, w.Transaction, conversationId, clientAttachmentId, w.CancellationToken);

    /// <summary>Inserts the row unless its client id is taken in the conversation (a concurrent upload of the same id won); false then.</summary>
    public static async Task<bool> InsertAsync(DbConnection c, DbTransaction tx, AttachmentRow a, CancellationToken cancellationToken)
    {
        var id = await c.QuerySingleOrDefaultAsync<long?>(new CommandDefinition("""
            INSERT INTO attachments (workspace_id, conversation_id, client_attachment_id, message_id, position, uploader_role, uploader_id, file_name,
                content_type, size, width, height, sha256, thumbnail_sha256, upload_sha256, status, error, created_at, updated_at)
            VALUES (@WorkspaceId, @ConversationId, @ClientAttachmentId, @MessageId, @Position, @UploaderRole, @UploaderId, @FileName,
                @ContentType, @Size, @Width, @Height, @Sha256, @ThumbnailSha256, @UploadSha256, @Status, @Error, @CreatedAt, @UpdatedAt)
            ON CONFLICT (conversation_id, client_attachment_id) DO NOTHING
            RETURNING id
            """, a, tx, cancellationToken: cancellationToken));
        if (id is null) return false;
        a.Id = id.Value;
        return true;
    }

    /// <summary>Stores what a finished (or failed) channel download changed.</summary>
    public static Task UpdateContentAsync(WriteContext w, AttachmentRow a) => w.ExecuteAsync("""
        UPDATE attachments SET content_type = @ContentType, size = @Size, width = @Width, height = @Height, sha256 = @Sha256,
            thumbnail_sha256 = @ThumbnailSha256, upload_sha256 = @UploadSha256, status = @Status, error = @Error, updated_at = @UpdatedAt
        WHERE id = @Id
        """, a, w.CancellationToken);

    /// <summary>The attachments of one message, in the order the message lists them.</summary>
    public static async Task<IReadOnlyList<AttachmentRow>> ForMessageAsync(DbConnection c, DbTransaction? tx, long messageId, CancellationToken cancellationToken) =>
        (await c.QueryAsync<AttachmentRow>(new CommandDefinition(
            $"{Select} WHERE message_id = @messageId ORDER BY position", new { messageId }, tx, cancellationToken: cancellationToken))).ToList();

    /// <summary>
    /// The attachments of the given messages of one conversation, by message. One query for a page: the messages' id range
    /// within the conversation, then only the ids asked for (a visitor's page leaves out notes between them).
    /// </summary>
    public static async Task<ILookup<long, AttachmentRow>> ForMessagesAsync(DbConnection c, DbTransaction? tx, long conversationId, IReadOnlyCollection<long> messageIds,
        CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0) return Array.Empty<AttachmentRow>().ToLookup(a => a.MessageId!.Value);
        var (min, max) = (messageIds.Min(), messageIds.Max());
        var rows = await c.QueryAsync<AttachmentRow>(new CommandDefinition(
            $"{Select} WHERE conversation_id = @conversationId AND message_id >= @min AND message_id <= @max ORDER BY message_id, position",
            new { conversationId, min, max }, tx, cancellationToken: cancellationToken));
        var wanted = messageIds.ToHashSet();
        return rows.Where(a => wanted.Contains(a.MessageId!.Value)).ToLookup(a => a.MessageId!.Value);
    }

    /// <summary>
    /// Makes the attachments part of the message (in the message's write transaction), each only while it is still
    /// unsent: the first row it could not take (deleted by the cleanup, or taken by another message, since it was read)
    /// is returned, null when all were taken.
    /// </summary>
    public static async Task<AttachmentRow?> LinkAsync(WriteContext w, long messageId, IReadOnlyList<AttachmentRow> attachments)
    {
        for (var i = 0; i < attachments.Count; i++)
        {
            var a = attachments[i];
            var taken = await w.ExecuteAsync("""
                UPDATE attachments SET message_id = @messageId, position = @i, updated_at = @NowMs WHERE id = @Id AND message_id IS NULL
                """, new { messageId, i, w.NowMs, a.Id }, w.CancellationToken);
            if (taken == 0) return a;
            (a.MessageId, a.Position, a.UpdatedAt) = (messageId, i, w.NowMs);
        }
        return null;
    }
}
