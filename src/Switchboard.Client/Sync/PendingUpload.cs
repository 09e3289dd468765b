using Switchboard.Client.Attachments;

namespace Switchboard.Client.Sync;

/// <summary>Where an upload of a pending message is.</summary>
enum UploadState { Queued, InFlight, WaitingRetry, Done, Failed }

/// <summary>
/// A file of a pending message on its way. Its key is the clientAttachmentId: every attempt carries it, so a retried
/// upload is stored once. <see cref="Error"/> is the server's refusal code, or null when the retries ran out.
/// </summary>
sealed class PendingUpload(string key, AttachmentFile file)
{
    public string Key { get; } = key;
    public AttachmentFile File { get; } = file;
    public UploadState State { get; set; } = UploadState.Queued;
    public int Attempts { get; set; }
    public DateTimeOffset RetryAt { get; set; }
    public double Progress { get; set; }
    public string? Error { get; set; }
    public AttachmentDto? Server { get; set; }

    public OutgoingRequest ToRequest(long conversationId) =>
        new(Key, "PUT", $"/api/v1/conversations/{conversationId}/attachments/{Uri.EscapeDataString(Key)}?name={Uri.EscapeDataString(File.Name)}",
            new Dictionary<string, object?>(), Attempts) { Upload = new OutgoingUpload(conversationId, File) };

    public AttachmentView View() => Server is { } s ? AttachmentView.Of(s)
        : new(Key, null, File.Name, File.ContentType.Length == 0 ? "application/octet-stream" : File.ContentType, File.Size, null, null, false,
            State switch { UploadState.Failed => "failed", UploadState.Done => "ready", _ => "uploading" },
            State == UploadState.Done ? 1 : Progress, Error);

    /// <summary>Goes again with a fresh budget (same key).</summary>
    public void Requeue(UploadState state, DateTimeOffset at)
    {
        State = state;
        RetryAt = at;
        Attempts = 0;
        Error = null;
    }
}
