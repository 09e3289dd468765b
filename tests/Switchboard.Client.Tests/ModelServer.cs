using Switchboard.Client.Attachments;
using System.Text.Json;
using Switchboard.Client.Models;
using Switchboard.Client.Sync;

namespace Switchboard.Client.Tests;

/// <summary>
/// A reference model of the server's sync contract: idempotent writes keyed by mutationId and
/// clientMessageId, a gapless event log, versioned snapshots, monotonic statuses. Small on purpose:
/// it is the oracle the property tests compare the live store against.
/// </summary>
sealed class ModelServer
{
    static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly string[] Statuses = ["sent", "delivered", "read"];

    readonly Dictionary<long, ConversationDto> conversations = [];
    readonly Dictionary<long, List<MessageDto>> messages = [];
    readonly Dictionary<string, long> mutationSeqs = [];
    readonly Dictionary<string, MessageDto> byClientId = [];
    // Uploads by "conversationId/clientAttachmentId", and which message carries each.
    readonly Dictionary<string, AttachmentDto> uploads = [];
    readonly Dictionary<string, string> carriedBy = [];

    /// <summary>Every upload stored, once per clientAttachmentId (a replay stores nothing).</summary>
    public int UploadsStored => uploads.Count;

    /// <summary>The clientAttachmentIds a stored message carries.</summary>
    public IEnumerable<string> AttachmentsOf(string clientMessageId) => carriedBy.Where(c => c.Value == clientMessageId).Select(c => c.Key.Split('/')[1]);

    public ModelServer(int conversationCount)
    {
        for (var id = 1; id <= conversationCount; id++)
        {
            conversations[id] = new ConversationDto { Id = id, State = "bot", BotActive = true, Version = 1, CreatedAt = T0, UpdatedAt = T0 };
            messages[id] = [];
        }
    }

    public List<StreamEvent> Log { get; } = [];
    public long LastSeq => Log.Count;
    public IReadOnlyDictionary<long, ConversationDto> Conversations => conversations;
    public IReadOnlyList<MessageDto> Messages(long conversationId) => messages[conversationId];

    public SnapshotDto Snapshot() => new() { Cursor = LastSeq, Conversations = conversations.Values.ToList() };

    /// <summary>Handles a request from the store: (status, body).</summary>
    public (int Status, JsonElement Body) Handle(OutgoingRequest request) => request.Method switch
    {
        "PUT" => Upload(request.Key, request.Upload!),
        "PATCH" => Patch(request.Key, (long)Convert.ToInt64(request.Path.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture), (bool)request.Body["botActive"]!),
        _ => Post(request.Key, Convert.ToInt64(request.Path.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture), (string)request.Body["text"]!,
            request.Body.TryGetValue("attachmentIds", out var ids) && ids is IEnumerable<string> list ? [.. list] : []),
    };

    // Files named "bad…" are refused (415), as a sniffed HTML page would be: every time, whatever the retry.
    (int, JsonElement) Upload(string clientAttachmentId, OutgoingUpload upload)
    {
        if (upload.File.Name.StartsWith("bad", StringComparison.Ordinal)) return (415, Body(new { status = 415, code = "attachment_type_not_allowed" }));
        var key = $"{upload.ConversationId}/{clientAttachmentId}";
        if (uploads.TryGetValue(key, out var known)) return (200, Body(known));
        using var bytes = upload.File.OpenRead();
        var stored = new AttachmentDto
        {
            Id = uploads.Count + 1, ClientAttachmentId = clientAttachmentId, ConversationId = upload.ConversationId, FileName = upload.File.Name,
            ContentType = "application/pdf", Size = bytes.Length,
        };
        uploads[key] = stored;
        return (201, Body(stored));
    }

    (int, JsonElement) Patch(string mutationId, long conversationId, bool botActive)
    {
        if (mutationSeqs.TryGetValue(mutationId, out var replay)) return (200, Body(new { conversation = conversations[conversationId], seq = replay, replayed = true }));
        var seq = SetBot(conversationId, botActive, mutationId);
        mutationSeqs[mutationId] = seq;
        return (200, Body(new { conversation = conversations[conversationId], seq, replayed = false }));
    }

    /// <summary>Another operator (or this one through another tab) switches the bot.</summary>
    public void OtherActorToggles(long conversationId, bool botActive) => SetBot(conversationId, botActive, "other-" + Guid.NewGuid().ToString("N"));

    long SetBot(long conversationId, bool botActive, string mutationId)
    {
        var c = conversations[conversationId];
        if (c.BotActive == botActive) return LastSeq; // no change, no event: confirmed as of the current cursor
        c = c with { BotActive = botActive, State = botActive ? "bot" : "queued", Version = c.Version + 1 };
        conversations[conversationId] = c;
        return Append("conversation.updated", conversationId, c.Version, mutationId, null, new { conversation = c, change = botActive ? "bot_on" : "bot_off" });
    }

    (int, JsonElement) Post(string clientMessageId, long conversationId, string text, IReadOnlyList<string> attachmentIds)
    {
        if (byClientId.TryGetValue(clientMessageId, out var existing))
            return (200, Body(new { message = existing, conversation = conversations[conversationId], seq = existing.Seq, replayed = true }));
        var keys = attachmentIds.Select(id => $"{conversationId}/{id}").ToList();
        if (keys.Any(k => !uploads.ContainsKey(k))) return (409, Body(new { status = 409, code = "attachment_not_uploaded" }));
        if (keys.Any(carriedBy.ContainsKey)) return (409, Body(new { status = 409, code = "attachment_already_sent" }));
        foreach (var k in keys) carriedBy[k] = clientMessageId;
        var list = messages[conversationId];
        var c = conversations[conversationId];
        c = c with { MessageCount = c.MessageCount + 1, Version = c.Version + 1 };
        conversations[conversationId] = c;
        var m = new MessageDto
        {
            Id = byClientId.Count + 1000, ConversationId = conversationId, Ordinal = list.Count + 1, ClientMessageId = clientMessageId,
            SenderRole = "operator", Text = text, Status = "sent", Seq = LastSeq + 1, Version = 1, CreatedAt = T0,
            Attachments = [.. keys.Select(k => uploads[k])],
        };
        list.Add(m);
        byClientId[clientMessageId] = m;
        Append("message.created", conversationId, m.Version, null, clientMessageId, new { message = m, conversation = c });
        return (201, Body(new { message = m, conversation = c, seq = m.Seq, replayed = false }));
    }

    /// <summary>The customer's client reports a message delivered or read (statuses only move forward).</summary>
    public void Receipt(Random random)
    {
        var all = messages.Values.SelectMany(l => l).ToList();
        if (all.Count == 0) return;
        var m = all[random.Next(all.Count)];
        var next = Statuses[random.Next(1, Statuses.Length)];
        if (Array.IndexOf(Statuses, next) <= Array.IndexOf(Statuses, m.Status)) return;
        var updated = m with { Status = next, Version = m.Version + 1 };
        var list = messages[m.ConversationId];
        list[list.FindIndex(x => x.ClientMessageId == m.ClientMessageId)] = updated;
        byClientId[m.ClientMessageId] = updated with { Seq = m.Seq };
        Append("message.status", m.ConversationId, updated.Version, null, null, new { message = updated, conversation = (object?)null });
    }

    long Append(string type, long conversationId, long version, string? mutationId, string? clientMessageId, object data)
    {
        var seq = LastSeq + 1;
        Log.Add(new StreamEvent { Seq = seq, Type = type, ConversationId = conversationId, Version = version, MutationId = mutationId, ClientMessageId = clientMessageId, Data = Body(data) });
        return seq;
    }

    static JsonElement Body(object value) => JsonSerializer.SerializeToElement(value, SyncJson.Options);
}
