using System.Text.Json;
using Switchboard.Client.Models;

namespace Switchboard.Client.Sync;

public sealed partial class LiveStoreCore
{
    bool connected = true;

    /// <summary>
    /// Whether the stream is up (the shell says so; a new core assumes it is). While it is down a write that runs out
    /// of retries waits instead of failing: a lost network is not a refusal. When it is back, every write that waits,
    /// and every message that failed, goes again at once with a fresh budget.
    /// </summary>
    public void SetConnected(bool isConnected, DateTimeOffset now)
    {
        if (connected == isConnected) return;
        connected = isConnected;
        if (!isConnected) return;
        var changed = RequeueUploadsOnReconnect(now);
        // A message failed by a refused upload is not the network's fault: it waits for the user's retry.
        foreach (var p in pending.Where(p => p.State is PendingState.WaitingRetry or PendingState.Failed && p is not PendingMessage { Error: not null }))
        {
            p.State = PendingState.WaitingRetry;
            p.RetryAt = now;
            p.Attempts = 0;
            changed = true;
        }
        if (changed) Changed?.Invoke();
    }

    /// <summary>Adds an optimistic message; it shows at once as <c>sending</c>. Returns its <c>clientMessageId</c>.</summary>
    /// <param name="conversationId">The conversation.</param>
    /// <param name="text">The text.</param>
    /// <param name="clientMessageId">The idempotency id; a new one when null.</param>
    /// <param name="isNote">An internal note (team only).</param>
    /// <param name="sendSeenSeq">Send the current cursor as <c>seenSeq</c> (operators: detects a customer writing meanwhile).</param>
    /// <param name="replyAnyway">The sender chose to reply in a colleague's conversation (without it the server answers 409 <c>conversation_owned_by_other</c>).</param>
    public string SendMessage(long conversationId, string text, string? clientMessageId = null, bool isNote = false, bool sendSeenSeq = true, bool replyAnyway = false) =>
        SendMessage(conversationId, text, new SendMessageOptions { ClientMessageId = clientMessageId, IsNote = isNote, SendSeenSeq = sendSeenSeq, ReplyAnyway = replyAnyway });

    /// <summary>
    /// Adds an optimistic message; it shows at once as <c>sending</c>, its <see cref="SendMessageOptions.Files"/> as
    /// <c>uploading</c>. Each file is uploaded first and the message is posted with their ids once all are stored.
    /// Returns its <c>clientMessageId</c>.
    /// </summary>
    public string SendMessage(long conversationId, string text, SendMessageOptions options)
    {
        var key = options.ClientMessageId ?? NewId();
        var uploads = options.Files.Select(f => new PendingUpload(f.ClientAttachmentId ?? NewId(), f)).ToList();
        pending.Add(new PendingMessage(key, conversationId, nextOrder++, text, options.SendSeenSeq ? Cursor : null, options.IsNote, options.ReplyAnyway, uploads));
        Changed?.Invoke();
        return key;
    }

    /// <summary>
    /// Adds an optimistic change of a conversation; the view shows it at once. Returns its <c>mutationId</c>. A
    /// <see cref="ConversationPatch.Snooze"/> travels on its own endpoint, so it must be the patch's only change.
    /// </summary>
    public string UpdateConversation(long conversationId, ConversationPatch patch, string? mutationId = null)
    {
        if (patch.Snooze is not null && (patch.BotActive is not null || patch.Resolved is not null || patch.ChangeAssignee))
            throw new ArgumentException("A snooze change must be sent on its own.", nameof(patch));
        var key = mutationId ?? NewId();
        pending.Add(new PendingPatch(key, conversationId, nextOrder++, patch));
        Changed?.Invoke();
        return key;
    }

    /// <summary>Sends a failed message again, with the same <c>clientMessageId</c>.</summary>
    public bool RetryMessage(string clientMessageId)
    {
        if (pending.Find(p => p.Key == clientMessageId && p.State == PendingState.Failed) is not { } failed) return false;
        failed.State = PendingState.Queued;
        failed.Attempts = 0;
        if (failed is PendingMessage message) RequeueUploads(message);
        Changed?.Invoke();
        return true;
    }

    /// <summary>
    /// When the next retry can be taken, if any: retries of a target with a write in flight wait for that
    /// write's answer (which wakes the caller), so they do not count here.
    /// </summary>
    public DateTimeOffset? NextRetryAt
    {
        get
        {
            var busy = pending.Where(p => p.State == PendingState.InFlight).Select(p => p.Target).ToHashSet(StringComparer.Ordinal);
            var next = pending.Where(p => p.State == PendingState.WaitingRetry && p.RetryAt != DateTimeOffset.MaxValue && !busy.Contains(p.Target))
                .Select(p => (DateTimeOffset?)p.RetryAt).Min();
            return NextUploadRetry is { } upload && (next is null || upload < next) ? upload : next;
        }
    }

    /// <summary>
    /// The writes to send now: per target the oldest unconfirmed one, if none of that target is in flight
    /// or waiting to retry. They are marked in flight.
    /// </summary>
    public IReadOnlyList<OutgoingRequest> TakeDueRequests(DateTimeOffset now)
    {
        var busy = new HashSet<string>(StringComparer.Ordinal);
        var due = new List<OutgoingRequest>();
        foreach (var p in pending.OrderBy(p => p.Order))
        {
            if (p.State is PendingState.Acknowledged or PendingState.Failed) continue;
            // A message waiting for its files stays out of its conversation's send order (see TakeDueUploads).
            if (p is PendingMessage { Uploading: true } message)
            {
                TakeDueUploads(message, now, due);
                continue;
            }
            if (busy.Contains(p.Target)) continue;
            busy.Add(p.Target);
            if (p.State == PendingState.Queued || (p.State == PendingState.WaitingRetry && p.RetryAt <= now))
            {
                p.State = PendingState.InFlight;
                p.Attempts++;
                if (p is PendingMessage posted) posted.Posted = true;
                due.Add(p.ToRequest());
            }
        }
        return due;
    }

    /// <summary>
    /// An answer to a write. 2xx records the seq (and for a message the server's message, shown in place);
    /// 408, 429 and 5xx retry; any other 4xx drops the change and reports it in <see cref="Errors"/>.
    /// </summary>
    public void OnResponse(string key, int status, JsonElement body, DateTimeOffset now)
    {
        var p = pending.Find(x => x.Key == key);
        if (p is null)
        {
            OnUploadResponse(key, status, body, now); // an upload's answer, or a write already confirmed by the stream
            return;
        }
        if (status is >= 200 and < 300)
        {
            if (p.State == PendingState.Failed) return;
            p.State = PendingState.Acknowledged;
            // Unreadable parts of an answer count as absent: without a seq the change waits for its event.
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number && seq.TryGetInt64(out var s))
                p.ResponseSeq = s;
            if (p is PendingMessage message && body.ValueKind == JsonValueKind.Object && body.TryGetProperty("message", out var m)
                && EventData.ReadMessage(m) is { } server)
                message.Server = server;
            Settle();
            return;
        }
        if (p.State != PendingState.InFlight) return;
        // 401 is retried like a 5xx, not dropped: an expired session must not lose what the user wrote.
        if (status is 401 or 408 or 429 or >= 500)
        {
            OnTransportFailure(key, now);
            return;
        }
        pending.Remove(p);
        errors.Add(ErrorFor(p, ReadCode(body) ?? $"http_{status}", status, ReadDetail(body)));
        Changed?.Invoke();
    }

    /// <summary>
    /// A write got no answer (network error, timeout): retry later with the same id, or after the budget give up while
    /// connected, or wait for the connection (<see cref="SetConnected"/>) while it is down.
    /// </summary>
    public void OnTransportFailure(string key, DateTimeOffset now)
    {
        var p = pending.Find(x => x.Key == key && x.State == PendingState.InFlight);
        if (p is null)
        {
            OnUploadTransportFailure(key, now);
            return;
        }
        if (RetryTime(p.Attempts, now) is { } at)
        {
            p.State = PendingState.WaitingRetry;
            p.RetryAt = at;
        }
        else if (p is PendingMessage)
            p.State = PendingState.Failed; // stays visible with a retry action: never silently dropped
        else
        {
            pending.Remove(p);
            errors.Add(ErrorFor(p, "gave_up", 0, "The change could not reach the server."));
        }
        Changed?.Invoke();
    }

    /// <summary>When a write (or upload) that failed after <paramref name="attempts"/> goes again, or null when it gives up: while the stream is down it waits for it.</summary>
    DateTimeOffset? RetryTime(int attempts, DateTimeOffset now) =>
        retry.DelayBefore(attempts, random) is { } delay ? now + delay : connected ? null : DateTimeOffset.MaxValue; // MaxValue: until the connection is back

    internal static string NewId() => Guid.NewGuid().ToString("N");

    static StoreError ErrorFor(PendingMutation p, string code, int status, string? detail) =>
        new(p.Key, code, status, detail) { ConversationId = p.ConversationId, Text = (p as PendingMessage)?.Text };

    static string? ReadCode(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;

    static string? ReadDetail(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
}
