using Switchboard.Client.Attachments;
using Switchboard.Client.Models;
using Switchboard.Client.Sync;
using Xunit.Abstractions;

namespace Switchboard.Client.Tests;

/// <summary>
/// Seeded random schedules of local actions, lost and reordered answers, timeouts, retries, stream
/// disconnects, resets and concurrent changes, against <see cref="ModelServer"/>. Checks DESIGN §1
/// properties 2 (no duplicate), 3 (no flip-back), 4 (convergence), 5 (last intent wins) and
/// 6 (monotonic status). Some messages carry files (uploaded first, some refused, each upload meeting the same
/// random network), and the user cancels some: no message is lost or stored twice, and each stored message carries
/// exactly its files. A failure names its seed: rerun it with <see cref="RunSchedule"/>.
/// </summary>
public sealed class LiveStorePropertyTests(ITestOutputHelper output)
{
    const int Schedules = 10_000;

    [Fact]
    public void RandomSchedulesKeepTheSyncProperties()
    {
        var started = DateTime.UtcNow;
        for (var seed = 1; seed <= Schedules; seed++)
        {
            try { RunSchedule(seed); }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"seed {seed} failed: {e.Message}"); }
        }
        output.WriteLine($"{Schedules} schedules in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
    }

    static readonly Dictionary<string, int> Rank = new() { ["sending"] = 0, ["sent"] = 1, ["delivered"] = 2, ["read"] = 3 };

    internal static void RunSchedule(int seed)
    {
        var random = new Random(seed);
        var conversations = random.Next(1, 3);
        var server = new ModelServer(conversations);
        // Jitter draws from its own stream, so it is not the same sequence as the schedule's choices.
        var store = new LiveStoreCore(new RetryPolicy([10, 20, 40, 80, 160, 320, 640, 1280], 0.5), new Random(unchecked(seed * 7919 + 17)));
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var otherActor = random.Next(4) == 0;
        var answers = new List<(string Key, int Status, System.Text.Json.JsonElement Body)>();
        var lastIntent = new Dictionary<long, bool>();
        var sent = new HashSet<string>();
        var filesOf = new Dictionary<string, List<string>>(); // clientMessageId -> its clientAttachmentIds
        var filesMade = 0;
        var seenStatus = new Dictionary<string, int>();
        long streamPosition = 0; // what the stream delivered last; a reconnect resumes from the store's cursor
        var connected = true;

        store.LoadSnapshot(server.Snapshot());
        streamPosition = store.Cursor;

        void Check()
        {
            foreach (var c in store.Conversations)
            {
                // Property 3: while a change is pending, the view shows what the user chose last. Compared with the
                // user's own record, not the store's pending list, so dropping a change too early is caught too.
                if (store.PendingPatches(c.Id).Count > 0 && lastIntent.TryGetValue(c.Id, out var chosen))
                    Assert.True(chosen == c.BotActive, $"flip-back: view {c.BotActive}, last choice {chosen}");
            }
            for (var id = 1; id <= conversations; id++)
            {
                var view = store.GetMessages(id);
                // Property 2: every message appears once.
                Assert.True(view.Select(m => m.ClientMessageId).Distinct().Count() == view.Count, "duplicate message in the view");
                Assert.True(view.Where(m => m.Id is not null).Select(m => m.Id).Distinct().Count() == view.Count(m => m.Id is not null), "duplicate server id");
                // A message shows its files from the moment it is written, exactly once each.
                foreach (var m in view)
                    Assert.Equal(filesOf.GetValueOrDefault(m.ClientMessageId) ?? [], m.Attachments.Select(a => a.ClientAttachmentId));
                foreach (var m in view)
                {
                    // Property 6: a status never moves backwards (failed is outside the order; Retry restarts it).
                    if (m.Status == "failed") { seenStatus.Remove(m.ClientMessageId); continue; }
                    var rank = Rank[m.Status];
                    if (seenStatus.TryGetValue(m.ClientMessageId, out var before)) Assert.True(rank >= before, $"status of {m.ClientMessageId} moved back to {m.Status} (pending={m.Pending}, server={m.Server}, cursor={store.Cursor})");
                    seenStatus[m.ClientMessageId] = rank;
                }
            }
        }

        void DeliverStream(int max)
        {
            if (!connected) return;
            for (var i = 0; i < max && streamPosition < server.LastSeq; i++)
            {
                var e = server.Log[(int)streamPosition];
                store.ApplyEvent(e);
                streamPosition = e.Seq;
                Check();
            }
        }

        void Send(OutgoingRequest r, bool reliable)
        {
            var fate = reliable ? 0 : random.Next(10);
            if (fate <= 5) answers.Add((r.Key, 0, default)); // reaches the server; the answer is computed when delivered
            else if (fate == 6) { server.Handle(r); store.OnTransportFailure(r.Key, now); } // applied, answer lost
            else if (fate == 7) store.OnTransportFailure(r.Key, now); // never arrived
            else answers.Add((r.Key, 503, default)); // the server failed without effect
        }

        var steps = random.Next(20, 80);
        for (var step = 0; step < steps; step++)
        {
            switch (random.Next(12))
            {
                case 0 or 1:
                    var id = random.Next(1, conversations + 1);
                    var value = random.Next(2) == 0;
                    store.UpdateConversation(id, new ConversationPatch { BotActive = value });
                    lastIntent[id] = value;
                    break;
                case 2:
                    // One message in four carries files; one file in six is refused (415) by the server.
                    var files = random.Next(4) != 0 ? [] : Enumerable.Range(0, random.Next(1, 3)).Select(i =>
                    {
                        var size = random.Next(1, 5);
                        return new AttachmentFile(random.Next(6) == 0 ? $"bad{step}-{i}.html" : $"f{step}-{i}.pdf", "", size, () => new MemoryStream(new byte[size]));
                    }).ToList();
                    filesMade += files.Count;
                    var conversationId = random.Next(1, conversations + 1);
                    var written = store.SendMessage(conversationId, $"m{step}", new SendMessageOptions { Files = files });
                    sent.Add(written);
                    if (files.Count > 0) filesOf[written] = [.. store.GetMessages(conversationId).Single(m => m.ClientMessageId == written).Attachments.Select(a => a.ClientAttachmentId)];
                    break;
                case 11:
                    // The user cancels a message (possible only while it was never posted).
                    var candidates = sent.ToList();
                    if (candidates.Count > 0 && candidates[random.Next(candidates.Count)] is var cancel && store.CancelMessage(cancel)) sent.Remove(cancel);
                    break;
                case 3:
                    foreach (var r in store.TakeDueRequests(now)) Send(r, reliable: false);
                    break;
                case 4:
                    if (answers.Count > 0)
                    {
                        var i = random.Next(answers.Count);
                        var (key, status, _) = answers[i];
                        answers.RemoveAt(i);
                        if (status == 503) store.OnResponse(key, 503, default, now);
                        else if (PendingRequest(store, key) is { } r) { var (s, body) = server.Handle(r); store.OnResponse(key, s, body, now); }
                    }
                    break;
                case 5 or 6:
                    DeliverStream(random.Next(1, 4));
                    break;
                case 7:
                    // Disconnect and resume from the cursor: never a gap, overlaps are harmless.
                    connected = random.Next(3) != 0;
                    streamPosition = Math.Max(0, store.Cursor - random.Next(0, 2));
                    break;
                case 8:
                    now = now.AddMilliseconds(random.Next(1, 400));
                    break;
                case 9:
                    if (otherActor) server.OtherActorToggles(random.Next(1, conversations + 1), random.Next(2) == 0);
                    else server.Receipt(random);
                    break;
                case 10:
                    if (random.Next(8) == 0)
                    {
                        store.RequestSnapshot();
                        store.LoadSnapshot(server.Snapshot());
                        for (var c = 1; c <= conversations; c++) store.LoadMessages(c, server.Messages(c));
                        streamPosition = store.Cursor;
                    }
                    break;
            }
            Check();
        }

        // Drain: the network heals; everything gets through, the user retries failed messages.
        connected = true;
        for (var round = 0; round < 200 && (store.PendingCount > 0 || streamPosition < server.LastSeq || answers.Count > 0); round++)
        {
            foreach (var (key, status, _) in answers.ToList())
            {
                answers.Remove((key, status, default));
                if (status == 503) store.OnResponse(key, 503, default, now);
                else if (PendingRequest(store, key) is { } r) { var (s, body) = server.Handle(r); store.OnResponse(key, s, body, now); }
            }
            foreach (var m in Enumerable.Range(1, conversations).SelectMany(c => store.GetMessages(c)).Where(m => m.CanRetry).ToList())
            {
                // A refused file is refused again: the user cancels that message (never posted, so it must go) and retries the rest.
                if (m.Error is null) store.RetryMessage(m.ClientMessageId);
                else
                {
                    Assert.True(store.CancelMessage(m.ClientMessageId), $"a message failed by a refused upload ({m.Error}) could not be cancelled");
                    sent.Remove(m.ClientMessageId);
                }
            }
            foreach (var r in store.TakeDueRequests(now)) Send(r, reliable: true);
            DeliverStream(int.MaxValue);
            now = store.NextRetryAt is { } next && next > now ? next : now.AddMilliseconds(1);
            Check();
        }

        // Property 4: convergence. Nothing pending, the view equals the server.
        Assert.True(store.PendingCount == 0, $"{store.PendingCount} changes still pending after the drain");
        foreach (var (id, c) in server.Conversations)
        {
            var view = store.GetConversation(id)!;
            Assert.True(view.BotActive == c.BotActive && view.State == c.State && view.Version == c.Version, $"conversation {id} did not converge");
            Assert.Equal(server.Messages(id).Select(m => (m.ClientMessageId, m.Status, string.Join(',', m.Attachments.Select(a => a.ClientAttachmentId)))),
                store.GetMessages(id).Select(m => (m.ClientMessageId, m.Status, string.Join(',', m.Attachments.Select(a => a.ClientAttachmentId)))));
        }
        // Property 2 on the server: every send of the user stored exactly once; nothing acknowledged lost.
        Assert.Equal(sent.Order(), Enumerable.Range(1, conversations).SelectMany(c => server.Messages(c)).Select(m => m.ClientMessageId).Order());
        // Each stored message carries exactly its files, each stored once (a retried upload replays, it never stores twice).
        foreach (var key in sent) Assert.Equal((filesOf.GetValueOrDefault(key) ?? []).Order(), server.AttachmentsOf(key).Order());
        Assert.True(server.UploadsStored <= filesMade, $"{server.UploadsStored} uploads stored for {filesMade} files");
        // Property 5: with nobody else writing and nothing refused, the server ends on the user's last choice.
        if (!otherActor && store.Errors.Count == 0)
            foreach (var (id, value) in lastIntent)
                Assert.True(server.Conversations[id].BotActive == value, $"conversation {id}: server {server.Conversations[id].BotActive}, last intent {value}");
    }

    /// <summary>The request a pending write would send now (the model answers from it).</summary>
    static OutgoingRequest? PendingRequest(LiveStoreCore store, string key) => store.DescribePending(key);
}
