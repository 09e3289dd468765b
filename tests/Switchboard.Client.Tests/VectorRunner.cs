using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Client.Attachments;
using Switchboard.Client.Models;
using Switchboard.Client.Signals;
using Switchboard.Client.Streaming;
using Switchboard.Client.Sync;

namespace Switchboard.Client.Tests;

/// <summary>
/// Runs one conformance vector of <c>spec/sync</c> against <see cref="LiveStoreCore"/>. The TypeScript SDK
/// runs the same files with its own runner (web/client); the step language is documented in spec/sync/README.md.
/// </summary>
public sealed class VectorRunner
{
    static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    readonly LiveStoreCore store;
    readonly ReplyDrafts replies = new();
    readonly string name;
    DateTimeOffset now = Start;
    int stepIndex;
    readonly Dictionary<string, PageRequest> pages = new(StringComparer.Ordinal);

    VectorRunner(JsonObject vector)
    {
        name = vector["name"]!.GetValue<string>();
        var delays = vector["retryDelaysMs"]?.AsArray().Select(d => d!.GetValue<int>()).ToArray() ?? [1000, 4000, 10000];
        store = new LiveStoreCore(new RetryPolicy(delays, JitterRatio: 0), new Random(0));
    }

    public static void Run(JsonObject vector)
    {
        var runner = new VectorRunner(vector);
        foreach (var step in vector["steps"]!.AsArray())
        {
            runner.stepIndex++;
            runner.Step(step!.AsObject());
            // As the live store does after every event and signal: the durable state settles the drafts.
            runner.replies.Settle(runner.store, runner.now);
        }
    }

    void Step(JsonObject s)
    {
        var op = s["do"]!.GetValue<string>();
        switch (op)
        {
            case "snapshot":
                store.LoadSnapshot(new SnapshotDto
                {
                    Cursor = s["cursor"]!.GetValue<long>(),
                    Conversations = Read<List<ConversationDto>>(s["conversations"]) ?? [],
                    Members = Read<List<MemberDto>>(s["members"]) ?? [],
                    Labels = Read<List<LabelDto>>(s["labels"]) ?? [],
                });
                break;
            case "messages":
                store.LoadMessages(s["conversationId"]!.GetValue<long>(), Read<List<MessageDto>>(s["items"]) ?? []);
                break;
            case "send":
                store.SendMessage(s["conversationId"]!.GetValue<long>(), s["text"]!.GetValue<string>(), new SendMessageOptions
                {
                    ClientMessageId = s["clientMessageId"]!.GetValue<string>(),
                    IsNote = s["isNote"]?.GetValue<bool>() ?? false,
                    SendSeenSeq = s["sendSeenSeq"]?.GetValue<bool>() ?? true,
                    ReplyAnyway = s["replyAnyway"]?.GetValue<bool>() ?? false,
                    Files = [.. (s["files"]?.AsArray() ?? []).Select(f => File(f!.AsObject()))],
                });
                break;
            case "progress":
                store.OnUploadProgress(s["to"]!.GetValue<string>(), s["fraction"]!.GetValue<double>());
                break;
            case "cancel":
                var cancelled = store.CancelMessage(s["clientMessageId"]!.GetValue<string>());
                if (s["expect"] is { } expectCancelled) Check(cancelled == expectCancelled.GetValue<bool>(), $"cancel: {cancelled}, expected {expectCancelled}");
                break;
            case "patch":
                var set = s["set"]!.AsObject();
                store.UpdateConversation(s["conversationId"]!.GetValue<long>(), new ConversationPatch
                {
                    BotActive = set["botActive"]?.GetValue<bool>(),
                    Resolved = set["resolved"]?.GetValue<bool>(),
                    ChangeAssignee = set.ContainsKey("assigneeId"),
                    AssigneeId = set["assigneeId"]?.GetValue<long>(),
                    Snooze = !set.ContainsKey("snooze") ? null
                        : set["snooze"] is not JsonObject snooze ? SnoozeChange.Wake
                        : snooze["until"] is { } until ? SnoozeChange.At(until.GetValue<DateTimeOffset>()) : SnoozeChange.UntilCustomerReplies,
                }, s["mutationId"]!.GetValue<string>());
                break;
            case "retry":
                Check(store.RetryMessage(s["clientMessageId"]!.GetValue<string>()), "retry found no failed message");
                break;
            case "takeRequests":
                ExpectRequests(store.TakeDueRequests(now), s["expect"]!.AsArray());
                break;
            case "respond":
                store.OnResponse(s["to"]!.GetValue<string>(), s["status"]!.GetValue<int>(), ToElement(s["body"]), now);
                break;
            case "fail":
                store.OnTransportFailure(s["to"]!.GetValue<string>(), now);
                break;
            case "event":
                store.ApplyEvent(Read<StreamEvent>(s["event"])!);
                break;
            case "events":
                foreach (var e in s["events"]!.AsArray()) store.ApplyEvent(Read<StreamEvent>(e)!);
                break;
            case "cursor":
                store.AdvanceCursor(s["seq"]!.GetValue<long>());
                break;
            case "reset":
                store.RequestSnapshot();
                break;
            case "connection":
                store.SetConnected(s["connected"]!.GetValue<bool>(), now);
                break;
            case "advance":
                now = now.AddMilliseconds(s["ms"]!.GetValue<int>());
                replies.Expire(now);
                break;
            case "signal":
                var frame = ToElement(s["signal"]);
                long? conversationId = frame.TryGetProperty("conversationId", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt64() : null;
                replies.Apply(new SignalItem(frame.GetProperty("type").GetString()!, conversationId, frame), now);
                break;
            case "requestPage":
                RequestPage(s);
                break;
            case "pageLoaded":
                var request = pages.GetValueOrDefault(s["page"]!.GetValue<string>()) ?? throw new InvalidOperationException($"{name} step {stepIndex}: no page request named {s["page"]}");
                var merged = store.LoadPage(request, Read<List<MessageDto>>(s["items"]) ?? [], s["hasMore"]?.GetValue<bool>() ?? false, s["cursor"]?.GetValue<long>() ?? 0);
                if (s["merged"] is { } expectMerged) Check(merged == expectMerged.GetValue<bool>(), $"page {s["page"]} merged: {merged}, expected {expectMerged}");
                break;
            case "expect":
                Expect(s);
                break;
            default:
                throw new InvalidOperationException($"{name} step {stepIndex}: unknown step '{op}'");
        }
    }

    /// <summary>A file of a send step: the bytes do not matter to the store, so zeros of the declared size stand for them.</summary>
    static AttachmentFile File(JsonObject f)
    {
        var size = f["size"]!.GetValue<long>();
        return new AttachmentFile(f["name"]!.GetValue<string>(), f["contentType"]!.GetValue<string>(), size, () => new MemoryStream(new byte[size]))
        {
            ClientAttachmentId = f["clientAttachmentId"]!.GetValue<string>(),
        };
    }

    /// <summary>The page the store asks for (<c>newest</c>, or the one extending the view), checked against <c>expect</c> (null: none).</summary>
    void RequestPage(JsonObject s)
    {
        var conversationId = s["conversationId"]!.GetValue<long>();
        var request = s["newest"]?.GetValue<bool>() == true ? store.NewestPage(conversationId) : store.NextPage(conversationId);
        if (s.ContainsKey("expect") && s["expect"] is null) Check(request is null, $"expected no page to fetch, got before {request?.Before} after {request?.After}");
        else if (s["expect"] is JsonObject expected)
        {
            Check(request is not null, "expected a page to fetch, got none");
            Check(request!.Before == expected["before"]?.GetValue<long>() && request.After == expected["after"]?.GetValue<long>(),
                $"page before {request.Before} after {request.After}, expected {expected.ToJsonString()}");
        }
        if (request is not null && s["as"] is { } alias) pages[alias.GetValue<string>()] = request;
    }

    void ExpectRequests(IReadOnlyList<OutgoingRequest> actual, JsonArray expected)
    {
        Check(actual.Count == expected.Count, $"expected {expected.Count} requests, got {actual.Count}: {string.Join(", ", actual.Select(r => r.Key))}");
        for (var i = 0; i < actual.Count; i++)
        {
            var e = expected[i]!.AsObject();
            Check(actual[i].Key == e["key"]!.GetValue<string>(), $"request {i}: key {actual[i].Key}, expected {e["key"]}");
            if (e["method"] is { } method) Check(actual[i].Method == method.GetValue<string>(), $"request {i}: method {actual[i].Method}");
            if (e["path"] is { } path) Check(actual[i].Path == path.GetValue<string>(), $"request {i}: path {actual[i].Path}");
            if (e["body"] is JsonObject body)
                Subset(body, JsonSerializer.SerializeToNode(actual[i].Body, SyncJson.Options)!, $"request {i} body");
        }
    }

    void Expect(JsonObject s)
    {
        if (s["cursor"] is { } cursor) Check(store.Cursor == cursor.GetValue<long>(), $"cursor {store.Cursor}, expected {cursor}");
        if (s["pending"] is { } pending) Check(store.PendingCount == pending.GetValue<int>(), $"pending {store.PendingCount}, expected {pending}");
        if (s["needsSnapshot"] is { } needs) Check(store.NeedsSnapshot == needs.GetValue<bool>(), $"needsSnapshot {store.NeedsSnapshot}");
        if (s["errors"] is JsonArray errors)
            Check(store.Errors.Select(e => e.Code).SequenceEqual(errors.Select(e => e!.GetValue<string>())),
                $"errors [{string.Join(", ", store.Errors.Select(e => e.Code))}], expected {errors.ToJsonString()}");
        if (s["conversations"] is JsonObject conversations)
            foreach (var (id, fields) in conversations)
            {
                var view = store.GetConversation(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
                Check(view is not null, $"conversation {id} missing from the view");
                Subset(fields!.AsObject(), JsonSerializer.SerializeToNode(view, SyncJson.Options)!, $"conversation {id}");
            }
        if (s["labels"] is JsonArray labels)
        {
            var held = store.Labels;
            Check(held.Count == labels.Count, $"labels [{string.Join(", ", held.Select(l => l.Id))}], expected {labels.Count}");
            for (var i = 0; i < labels.Count; i++) Subset(labels[i]!.AsObject(), JsonSerializer.SerializeToNode(held[i], SyncJson.Options)!, $"label {i}");
        }
        if (s["drafts"] is JsonObject drafts)
            foreach (var (id, list) in drafts)
            {
                var view = JsonSerializer.SerializeToNode(replies.For(Id(id)), SyncJson.Options)!;
                Check(JsonNode.DeepEquals(list, view), $"conversation {id}: drafts {view.ToJsonString()}, expected {list!.ToJsonString()}");
            }
        if (s["botThinking"] is JsonObject thinking)
            foreach (var (id, value) in thinking)
                Check(replies.IsThinking(Id(id)) == value!.GetValue<bool>(), $"conversation {id}: botThinking, expected {value}");
        ExpectMessages(s["messages"], store.GetMessages, "messages");
        ExpectMessages(s["view"], id => store.Transcript(id).Messages, "view");
        if (s["ranges"] is JsonObject ranges)
            foreach (var (id, list) in ranges)
            {
                var actual = new JsonArray([.. store.HistoryRanges(Id(id)).Select(r => new JsonArray(r.From, r.IsLive ? null : r.To))]).ToJsonString();
                Check(actual == list!.ToJsonString(), $"conversation {id}: ranges {actual}, expected {list.ToJsonString()}");
            }
        if (s["hasOlder"] is JsonObject hasOlder)
            foreach (var (id, value) in hasOlder)
                Check(store.Transcript(Id(id)).HasOlder == value!.GetValue<bool>(), $"conversation {id}: hasOlder {store.Transcript(Id(id)).HasOlder}, expected {value}");
    }

    static long Id(string id) => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);

    void ExpectMessages(JsonNode? node, Func<long, IReadOnlyList<MessageView>> read, string what)
    {
        if (node is JsonObject messages)
            foreach (var (id, list) in messages)
            {
                var view = read(Id(id));
                var expected = list!.AsArray();
                Check(view.Count == expected.Count, $"conversation {id}: {view.Count} {what} [{string.Join(", ", view.Select(m => $"{m.ClientMessageId}:{m.Status}"))}], expected {expected.Count}");
                for (var i = 0; i < view.Count; i++)
                    Subset(expected[i]!.AsObject(), JsonSerializer.SerializeToNode(view[i], SyncJson.Options)!, $"conversation {id} message {i}");
            }
    }

    /// <summary>Every property named in <paramref name="expected"/> must equal the actual one; others are not compared.</summary>
    void Subset(JsonObject expected, JsonNode actual, string what)
    {
        foreach (var (key, value) in expected)
        {
            var got = actual[key];
            Check(JsonNode.DeepEquals(value, got), $"{what}.{key} is {got?.ToJsonString() ?? "null"}, expected {value?.ToJsonString() ?? "null"}");
        }
    }

    void Check(bool condition, string message)
    {
        if (!condition) throw new Xunit.Sdk.XunitException($"{name}, step {stepIndex}: {message}");
    }

    static T? Read<T>(JsonNode? node) => node is null ? default : node.Deserialize<T>(SyncJson.Options);

    static JsonElement ToElement(JsonNode? node) => node is null ? default : JsonSerializer.SerializeToElement(node, SyncJson.Options);
}
