using Switchboard.Client.Api;
using Switchboard.Client.Models;
using Switchboard.Client.Signals;
using Switchboard.Client.Streaming;
using Switchboard.Client.Sync;

namespace Switchboard.Client;

/// <summary>
/// The live store a UI binds to: <see cref="LiveStoreCore"/> driven by the REST API and a resumable event
/// stream. Local actions show at once; writes are sent one at a time per target and retried with the same
/// id; the stream reconnects from the cursor after any drop, and takes a snapshot after a <c>reset</c>.
/// Thread-safe: every access to the core is serialized.
/// </summary>
public sealed partial class LiveStore(SwitchboardApiClient api, IEventStreamTransport transport, LiveStoreOptions? options = null, TimeProvider? time = null)
    : IAsyncDisposable
{
    readonly object gate = new();
    readonly LiveStoreOptions options = options ?? new LiveStoreOptions();
    readonly TimeProvider time = time ?? TimeProvider.System;
    readonly CancellationTokenSource stop = new();
    readonly SemaphoreSlim wake = new(0);
    readonly HashSet<long> watched = [];
    readonly List<(Func<LiveStore, bool> Condition, TaskCompletionSource Done)> waiters = [];
    readonly ReplyDrafts replies = new();
    LiveStoreCore? core;
    Task? streamLoop;
    Task? requestLoop;

    /// <summary>Raised after every change of the view (from a background thread).</summary>
    public event Action? Changed;

    /// <summary>Raised for ephemeral signals: typing, presence, bot thinking, streamed bot replies (modelled by <see cref="GetDrafts"/>).</summary>
    public event Action<SignalItem>? Signal;

    /// <summary>The stream's state.</summary>
    public ConnectionState State { get; private set; } = ConnectionState.Offline;

    /// <summary>Why the stream last failed, if it did (for diagnostics; the store reconnects by itself).</summary>
    public Exception? LastStreamError { get; private set; }

    /// <summary>How many times the stream has (re)connected.</summary>
    public int Connections { get; private set; }

    LiveStoreCore Core => core ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>Loads the snapshot and starts the stream and the write pump.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await api.GetSnapshotAsync(cancellationToken);
        core = new LiveStoreCore(this.options.Writes);
        core.SetConnected(false, time.GetUtcNow()); // until the stream opens, writes that run out of retries wait
        Mutate(c => c.LoadSnapshot(snapshot));
        State = ConnectionState.Reconnecting;
        streamLoop = Task.Run(() => RunStreamAsync(stop.Token));
        requestLoop = Task.Run(() => RunRequestsAsync(stop.Token));
    }

    /// <summary>Loads the newest messages of a conversation and keeps them current (reloaded after a reset).</summary>
    public async Task WatchConversationAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        PageRequest request;
        lock (gate)
        {
            watched.Add(conversationId);
            request = Core.NewestPage(conversationId);
        }
        await LoadPageAsync(request, options.MessagePageSize, cancellationToken);
    }

    /// <summary>
    /// Loads the page that extends the conversation's <see cref="Transcript"/> backwards: exactly the gap below its
    /// newest range. False when there is nothing older, or the page was asked for before a reset (the resync reloads).
    /// </summary>
    public async Task<bool> LoadOlderAsync(long conversationId, int limit = 100, CancellationToken cancellationToken = default)
    {
        PageRequest? request;
        lock (gate) request = Core.NextPage(conversationId);
        return request is not null && await LoadPageAsync(request, limit, cancellationToken);
    }

    /// <summary>What a view shows of a conversation: its newest contiguous range, in order, never with a hole.</summary>
    public Transcript Transcript(long conversationId) { lock (gate) return Core.Transcript(conversationId); }

    /// <summary>The ranges of ordinals held contiguously, oldest first.</summary>
    public IReadOnlyList<OrdinalRange> HistoryRanges(long conversationId) { lock (gate) return Core.HistoryRanges(conversationId); }

    async Task<bool> LoadPageAsync(PageRequest request, int limit, CancellationToken cancellationToken)
    {
        var page = await api.GetMessagesAsync(request.ConversationId, request.Before, request.After, limit, cancellationToken);
        var merged = false;
        Mutate(c => merged = c.LoadPage(request, page.Items, page.HasMore, page.Cursor));
        return merged;
    }

    /// <summary>Sends a message optimistically; returns its clientMessageId. <paramref name="replyAnyway"/>: deliberately into a colleague's conversation.</summary>
    public string SendMessage(long conversationId, string text, bool isNote = false, bool sendSeenSeq = true, bool replyAnyway = false)
    {
        string key = "";
        Mutate(c => key = c.SendMessage(conversationId, text, isNote: isNote, sendSeenSeq: sendSeenSeq, replyAnyway: replyAnyway));
        wake.Release();
        return key;
    }

    /// <summary>
    /// Sends a message optimistically with <see cref="SendMessageOptions"/> (its <see cref="SendMessageOptions.Files"/> show at once as
    /// <c>uploading</c>, are uploaded, and the message is posted once all are stored); returns its clientMessageId.
    /// </summary>
    public string SendMessage(long conversationId, string text, SendMessageOptions options)
    {
        string key = "";
        Mutate(c => key = c.SendMessage(conversationId, text, options));
        wake.Release();
        return key;
    }

    /// <summary>Drops a message not posted yet (its files uploading, or failed) and aborts its uploads; false once its POST is out.</summary>
    public bool CancelMessage(string clientMessageId)
    {
        IReadOnlyList<string> keys = [];
        var cancelled = false;
        Mutate(c =>
        {
            keys = c.UploadKeys(clientMessageId);
            cancelled = c.CancelMessage(clientMessageId);
        });
        if (cancelled) AbortUploads(keys);
        return cancelled;
    }

    /// <summary>Changes a conversation optimistically; returns its mutationId.</summary>
    public string UpdateConversation(long conversationId, ConversationPatch patch)
    {
        string key = "";
        Mutate(c => key = c.UpdateConversation(conversationId, patch));
        wake.Release();
        return key;
    }

    /// <summary>Sends a failed message again with the same clientMessageId.</summary>
    public bool RetryMessage(string clientMessageId)
    {
        var retried = false;
        Mutate(c => retried = c.RetryMessage(clientMessageId));
        wake.Release();
        return retried;
    }

    /// <summary>Conversations as shown (pending changes applied), newest activity first.</summary>
    public IReadOnlyList<ConversationDto> Conversations { get { lock (gate) return Core.Conversations; } }

    /// <summary>The workspace's labels by name, kept live (team only).</summary>
    public IReadOnlyList<LabelDto> Labels { get { lock (gate) return Core.Labels; } }

    /// <summary>One conversation as shown.</summary>
    public ConversationDto? GetConversation(long id) { lock (gate) return Core.GetConversation(id); }

    /// <summary>The canned replies the caller may use (the workspace's and their own), by short code, kept current by the stream.</summary>
    public IReadOnlyList<CannedReplyDto> CannedReplies { get { lock (gate) return Core.CannedReplies; } }

    /// <summary>A contact as the <c>contact.*</c> events (or <see cref="LoadContact"/>) last described it (team only); null when never seen.</summary>
    public ContactDetailsDto? Contact(long id) { lock (gate) return Core.Contact(id); }

    /// <summary>Merges a contact read with <see cref="Api.SwitchboardApiClient.GetContactAsync"/>, by version.</summary>
    public void LoadContact(ContactDetailsDto contact) { lock (gate) Core.LoadContact(contact); }

    /// <summary>A conversation's messages as shown.</summary>
    public IReadOnlyList<MessageView> GetMessages(long conversationId) { lock (gate) return Core.GetMessages(conversationId); }

    /// <summary>The highest seq applied.</summary>
    public long Cursor { get { lock (gate) return Core.Cursor; } }

    /// <summary>Local changes not yet confirmed.</summary>
    public int PendingCount { get { lock (gate) return Core.PendingCount; } }

    /// <summary>Writes refused or given up.</summary>
    public IReadOnlyList<StoreError> Errors { get { lock (gate) return [.. Core.Errors]; } }

    /// <summary>Completes when <paramref name="condition"/> holds (checked now and after every change), or throws after <paramref name="timeout"/>.</summary>
    public Task WaitUntilAsync(Func<LiveStore, bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) waiters.Add((condition, done));
        NotifyWaiters();
        return done.Task.WaitAsync(timeout);
    }

    /// <summary>
    /// The bot replies streaming now in a conversation, oldest first: each ends when the server says so
    /// (<c>bot.reply.end</c>), when its stored message replaces it, or when the bot is off in the conversation; a
    /// reply with none of these (a lost end signal) leaves after <see cref="ReplyDrafts.DraftTtl"/>.
    /// </summary>
    public IReadOnlyList<BotDraft> GetDrafts(long conversationId)
    {
        lock (gate)
        {
            replies.Expire(time.GetUtcNow());
            return replies.For(conversationId);
        }
    }

    /// <summary>Whether the bot is working on a reply in a conversation (<c>bot.thinking</c>, ended with its reply).</summary>
    public bool IsBotThinking(long conversationId)
    {
        lock (gate)
        {
            replies.Expire(time.GetUtcNow());
            return replies.IsThinking(conversationId);
        }
    }

    void ApplySignal(SignalItem signal)
    {
        bool changed;
        lock (gate) changed = replies.Apply(signal, time.GetUtcNow()) | replies.Settle(Core, time.GetUtcNow());
        Signal?.Invoke(signal);
        if (!changed) return;
        Changed?.Invoke();
        NotifyWaiters();
    }

    void Mutate(Action<LiveStoreCore> change)
    {
        lock (gate)
        {
            change(Core);
            // The durable state is the fallback for an end signal missed across a reconnect: the message, or the bot off.
            replies.Settle(Core, time.GetUtcNow());
        }
        Changed?.Invoke();
        NotifyWaiters();
    }

    void NotifyWaiters()
    {
        List<(Func<LiveStore, bool> Condition, TaskCompletionSource Done)> snapshot;
        lock (gate) snapshot = [.. waiters];
        foreach (var w in snapshot)
        {
            if (!w.Condition(this)) continue;
            lock (gate) waiters.Remove(w);
            w.Done.TrySetResult();
        }
    }

    /// <summary>Stops the stream and the write pump. Pending writes are not sent after this.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        foreach (var loop in new[] { streamLoop, requestLoop })
            if (loop is not null) await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        State = ConnectionState.Offline;
        stop.Dispose();
    }
}
