using System.Text.Json;
using Switchboard.Client.Attachments;
using Switchboard.Client.Models;

namespace Switchboard.Client.Sync;

// Files of pending messages (the same algorithm as the TypeScript SDK's pendingQueue.ts). A message with files is posted
// only once every file is stored; until then it holds no place in its conversation's send order, so a slow or refused
// upload never keeps later messages waiting (DESIGN §1 orders writes per target so the last intent wins; messages do
// not override each other, and the server's ordinals give every viewer the same order).
public sealed partial class LiveStoreCore
{
    /// <summary>
    /// Drops a message never posted (its files uploading, or an upload failed): true when dropped. Its uploads in flight are
    /// the shell's to abort; a late answer to one is ignored. False once its POST went out (it may be stored even without
    /// an answer: it cannot be taken back).
    /// </summary>
    public bool CancelMessage(string clientMessageId)
    {
        if (pending.Find(p => p.Key == clientMessageId) is not PendingMessage { Posted: false } p) return false;
        pending.Remove(p);
        Changed?.Invoke();
        return true;
    }

    /// <summary>How much of an upload (by clientAttachmentId) is sent, 0..1: the view's progress.</summary>
    public void OnUploadProgress(string clientAttachmentId, double fraction)
    {
        if (FindUpload(clientAttachmentId) is not { Upload.State: UploadState.InFlight } found) return;
        var progress = Math.Clamp(fraction, 0, 1);
        if (progress == found.Upload.Progress) return;
        found.Upload.Progress = progress;
        Changed?.Invoke();
    }

    /// <summary>The clientAttachmentIds of a pending message's files (the shell aborts them when it is cancelled).</summary>
    public IReadOnlyList<string> UploadKeys(string clientMessageId) =>
        pending.Find(p => p.Key == clientMessageId) is PendingMessage m ? [.. m.Uploads.Select(u => u.Key)] : [];

    DateTimeOffset? NextUploadRetry => pending.OfType<PendingMessage>().Where(m => m.State != PendingState.Failed).SelectMany(m => m.Uploads)
        .Where(u => u.State == UploadState.WaitingRetry && u.RetryAt != DateTimeOffset.MaxValue).Select(u => (DateTimeOffset?)u.RetryAt).Min();

    void TakeDueUploads(PendingMessage message, DateTimeOffset now, List<OutgoingRequest> due)
    {
        foreach (var u in message.Uploads.Where(u => u.State == UploadState.Queued || (u.State == UploadState.WaitingRetry && u.RetryAt <= now)))
        {
            u.State = UploadState.InFlight;
            u.Attempts++;
            u.Progress = 0;
            due.Add(u.ToRequest(message.ConversationId));
        }
    }

    void OnUploadResponse(string key, int status, JsonElement body, DateTimeOffset now)
    {
        if (FindUpload(key) is not var (message, u) || u.State == UploadState.Done) return;
        if (status is >= 200 and < 300)
        {
            u.State = UploadState.Done;
            u.Progress = 1;
            u.Error = null;
            // An unreadable body still means "stored": the message's POST names the file by its clientAttachmentId.
            u.Server = ReadAttachment(body);
            Changed?.Invoke();
            return;
        }
        if (u.State != UploadState.InFlight) return;
        if (status is 401 or 408 or 429 or >= 500)
        {
            OnUploadTransportFailure(key, now);
            return;
        }
        // Refused (too large, type not allowed, empty, bad name, conflict): the message fails with the server's code and waits for the user.
        u.State = UploadState.Failed;
        u.Error = ReadCode(body) ?? $"http_{status}";
        message.Error = u.Error;
        message.State = PendingState.Failed;
        Changed?.Invoke();
    }

    void OnUploadTransportFailure(string key, DateTimeOffset now)
    {
        if (FindUpload(key) is not var (message, u) || u.State != UploadState.InFlight) return;
        if (RetryTime(u.Attempts, now) is { } at)
        {
            u.State = UploadState.WaitingRetry;
            u.RetryAt = at;
        }
        else
        {
            u.State = UploadState.Failed;
            message.State = PendingState.Failed;
        }
        Changed?.Invoke();
    }

    /// <summary>The user's retry: only what the server has not stored goes again, with the same clientAttachmentId.</summary>
    static void RequeueUploads(PendingMessage message)
    {
        message.Error = null;
        foreach (var u in message.Uploads.Where(u => u.State is UploadState.Failed or UploadState.WaitingRetry)) u.Requeue(UploadState.Queued, default);
    }

    /// <summary>The connection is back: uploads that wait, or that ran out of retries, go again at once with a fresh budget.</summary>
    bool RequeueUploadsOnReconnect(DateTimeOffset now)
    {
        var changed = false;
        foreach (var u in pending.OfType<PendingMessage>().SelectMany(m => m.Uploads)
                     .Where(u => u.State == UploadState.WaitingRetry || (u.State == UploadState.Failed && u.Error is null)))
        {
            u.Requeue(UploadState.WaitingRetry, now);
            changed = true;
        }
        return changed;
    }

    (PendingMessage Message, PendingUpload Upload)? FindUpload(string key)
    {
        foreach (var m in pending.OfType<PendingMessage>())
            if (m.Uploads.FirstOrDefault(u => u.Key == key) is { } u) return (m, u);
        return null;
    }

    /// <summary><c>attachment.updated</c>: replaces that attachment inside its message, keeping the message's version; unknown messages are not kept.</summary>
    bool ApplyAttachmentUpdate(StreamEvent e)
    {
        if (e.Type != "attachment.updated") return false;
        if (ReadData<AttachmentUpdate>(e.Data) is not { Attachment: { } attachment } update) return true;
        if (!messages.TryGetValue(update.ConversationId, out var held)) return true;
        if (held.Values.FirstOrDefault(m => m.Id == update.MessageId) is not { } message || !message.Attachments.Any(a => a.Id == attachment.Id)) return true;
        held[message.ClientMessageId] = message with { Attachments = [.. message.Attachments.Select(a => a.Id == attachment.Id ? attachment : a)] };
        return true;
    }

    static AttachmentDto? ReadAttachment(JsonElement body) => ReadData<AttachmentDto>(body);

    static T? ReadData<T>(JsonElement data) where T : class
    {
        if (data.ValueKind != JsonValueKind.Object) return null;
        try { return data.Deserialize<T>(SyncJson.Options); }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or ArgumentException or FormatException) { return null; }
    }
}
