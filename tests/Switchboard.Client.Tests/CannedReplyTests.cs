using System.Text.Json;
using Switchboard.Client.Models;
using Switchboard.Client.Sync;

namespace Switchboard.Client.Tests;

public sealed class CannedReplyTests
{
    static StreamEvent Event(long seq, string type, object data) =>
        new() { Seq = seq, Type = type, Version = 1, Data = JsonSerializer.SerializeToElement(data, SyncJson.Options) };

    static object Reply(long id, string code, long version = 1, string scope = "workspace") =>
        new { id, scope, ownerId = scope == "personal" ? 7 : (long?)null, shortCode = code, title = "T", text = "Hi {{contact.name}}", version };

    [Fact]
    public void TheStoreKeepsCannedRepliesFromTheSnapshotAndTheStreamAndSkipsBadDataAlone()
    {
        var store = new LiveStoreCore();
        store.LoadSnapshot(new SnapshotDto { Cursor = 10, CannedReplies = [new CannedReplyDto { Id = 1, Scope = "workspace", ShortCode = "refund", Text = "x", Version = 1 }] });
        store.ApplyEvent(Event(11, "canned_reply.updated", Reply(2, "refund", scope: "personal")));
        store.ApplyEvent(Event(12, "canned_reply.updated", Reply(3, "team-one", scope: "team")));
        store.ApplyEvent(Event(13, "canned_reply.updated", Reply(2, "older", version: 0, scope: "personal")));
        Assert.Equal([(2L, "refund"), (1L, "refund")], store.CannedReplies.Select(r => (r.Id, r.ShortCode)));
        store.ApplyEvent(Event(14, "canned_reply.deleted", new { id = 1, scope = "workspace" }));
        store.LoadSnapshot(new SnapshotDto { Cursor = 10, CannedReplies = [new CannedReplyDto { Id = 1, Scope = "workspace", ShortCode = "refund", Text = "x", Version = 1 }] });
        Assert.Equal([2L], store.CannedReplies.Select(r => r.Id));
        Assert.Equal(14, store.Cursor);
    }

    [Fact]
    public void PlaceholdersAreFilledWithFallbacksAndUnknownOnesStay()
    {
        Assert.Equal("Hi Ada (Ada Lovelace, a@x.io), Otto here {{order.id}}",
            CannedReplyPlaceholders.Fill("Hi {{contact.first_name}} ({{ contact.name }}, {{contact.email}}), {{operator.first_name}} here {{order.id}}", "Ada Lovelace", "a@x.io", "Otto Operator"));
        Assert.Equal("Hi there, our team", CannedReplyPlaceholders.Fill("Hi {{contact.name}}, {{operator.name}}", " ", null, null));
        Assert.Equal(["order.id"], CannedReplyPlaceholders.Unknown("{{order.id}} {{contact.name}} {{order.id}}"));
    }

    /// <summary>Property: text without braces never changes, and no known placeholder survives filling.</summary>
    [Fact]
    public void FillingChangesOnlyPlaceholders()
    {
        var random = new Random(20);
        var names = CannedReplyPlaceholders.Fallbacks.Keys.ToArray();
        const string alphabet = "ab c,.!\nü";
        for (var i = 0; i < 500; i++)
        {
            var plain = new string(Enumerable.Range(0, random.Next(30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(plain, CannedReplyPlaceholders.Fill(plain, "Ada", null, "Otto"));
            var template = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => plain + "{{" + names[random.Next(names.Length)] + "}}"));
            Assert.DoesNotContain("{{", CannedReplyPlaceholders.Fill(template, random.Next(2) == 0 ? null : "Ada L", null, "Otto"), StringComparison.Ordinal);
        }
    }
}
