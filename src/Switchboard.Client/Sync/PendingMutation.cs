using Switchboard.Client.Models;

namespace Switchboard.Client.Sync;

/// <summary>Where a pending write is on its way to being confirmed.</summary>
enum PendingState
{
    /// <summary>Waiting its turn (another write of the same target is in flight) or not yet taken.</summary>
    Queued,
    /// <summary>Sent; no answer yet.</summary>
    InFlight,
    /// <summary>Failed in transport or with a 5xx; retried at <see cref="PendingMutation.RetryAt"/>.</summary>
    WaitingRetry,
    /// <summary>The server answered with its seq; dropped once the stream confirms it.</summary>
    Acknowledged,
    /// <summary>A message whose retries ran out; shown as failed until the user retries.</summary>
    Failed,
}

/// <summary>A local change the server has not confirmed yet (DESIGN §1 "Client live store").</summary>
abstract class PendingMutation(string key, long conversationId, long order)
{
    public string Key { get; } = key;
    public long ConversationId { get; } = conversationId;
    /// <summary>Creation order: pending changes are re-applied over the confirmed state in this order.</summary>
    public long Order { get; } = order;
    public PendingState State { get; set; } = PendingState.Queued;
    public int Attempts { get; set; }
    public DateTimeOffset RetryAt { get; set; }
    /// <summary>The seq the server's answer named; confirmed once the cursor reaches it.</summary>
    public long? ResponseSeq { get; set; }

    /// <summary>Writes to one target are sent one at a time and in order, so the last intent wins on the server.</summary>
    public abstract string Target { get; }

    public abstract OutgoingRequest ToRequest();
}

sealed class PendingMessage(string clientMessageId, long conversationId, long order, string text, long? seenSeq, bool isNote, bool replyAnyway = false,
    IReadOnlyList<PendingUpload>? uploads = null)
    : PendingMutation(clientMessageId, conversationId, order)
{
    /// <summary>Its files; the message is posted (with their ids) only once every one is done.</summary>
    public IReadOnlyList<PendingUpload> Uploads { get; } = uploads ?? [];
    /// <summary>Why it failed when an upload was refused (the server's code); a failed message without it ran out of retries.</summary>
    public string? Error { get; set; }
    /// <summary>Its POST went out at least once (it may be stored even without an answer): it can no longer be cancelled.</summary>
    public bool Posted { get; set; }
    /// <summary>True while a file is not stored yet: the message then holds no place in its conversation's send order.</summary>
    public bool Uploading => Uploads.Any(u => u.State != UploadState.Done);

    public string Text { get; } = text;
    public long? SeenSeq { get; } = seenSeq;
    public bool IsNote { get; } = isNote;
    /// <summary>Sent as <c>replyAnyway</c>: a deliberate reply in a colleague's conversation.</summary>
    public bool ReplyAnyway { get; } = replyAnyway;
    /// <summary>The server's message from the POST answer: shown in place of the local one until the event confirms it.</summary>
    public MessageDto? Server { get; set; }

    public override string Target => $"messages:{ConversationId}";

    public override OutgoingRequest ToRequest()
    {
        var body = new Dictionary<string, object?> { ["clientMessageId"] = Key, ["text"] = Text };
        if (SeenSeq is { } seen) body["seenSeq"] = seen;
        if (IsNote) body["isNote"] = true;
        if (ReplyAnyway) body["replyAnyway"] = true;
        if (Uploads.Count > 0) body["attachmentIds"] = Uploads.Select(u => u.Key).ToArray();
        return new OutgoingRequest(Key, "POST", $"/api/v1/conversations/{ConversationId}/messages", body, Attempts);
    }
}

sealed class PendingPatch(string mutationId, long conversationId, long order, ConversationPatch patch)
    : PendingMutation(mutationId, conversationId, order)
{
    public ConversationPatch Patch { get; } = patch;

    public override string Target => $"conversation:{ConversationId}";

    public override OutgoingRequest ToRequest()
    {
        var (method, path, body) = Patch.ToRequest(ConversationId, Key);
        return new(Key, method, path, body, Attempts);
    }
}
