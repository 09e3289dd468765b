using Switchboard.Client.Models;
using Switchboard.Client.Sync;
using Xunit.Abstractions;

namespace Switchboard.Client.Tests;

/// <summary>
/// Seeded schedules of history (the TypeScript SDK's historyProperties.test.ts): paging with late and reordered
/// answers, status events about messages anywhere, read receipts flooding statuses, resets and reconnects. After every
/// step what the view shows must be a contiguous, ordered run of the server's transcript with nothing missing inside;
/// with nothing pending at the end, paging to the top converges on the server's whole transcript. A failure prints
/// its seed and the schedule shrunk to the fewest steps that still fail.
/// </summary>
public sealed class LiveStoreHistoryPropertyTests(ITestOutputHelper output)
{
    const int Schedules = 3_000;

    /// <summary>One step of a schedule; <c>Value</c> is the count, the position or the page limit, by kind.</summary>
    public sealed record Step(string Op, double Value = 0, string Role = "");

    [Fact]
    public void HistorySchedulesKeepEveryViewAContiguousSliceOfTheServersTranscript()
    {
        for (var seed = 1; seed <= Schedules; seed++)
        {
            var (initial, steps) = Generate(seed);
            if (Run(initial, steps) is not { } error) continue;
            var shrunk = Shrink(initial, steps);
            throw new Xunit.Sdk.XunitException($"seed {seed} failed: {error}\nshrunk to {shrunk.Count} of {steps.Count} steps, {initial} messages at first "
                + $"(fails with: {Run(initial, shrunk)}):\n" + string.Join("\n", shrunk.Select((s, i) => $"  {i + 1}. {s}")));
        }
        output.WriteLine($"{Schedules} history schedules");
    }

    static (int Initial, List<Step> Steps) Generate(int seed)
    {
        var random = new Random(seed);
        var initial = random.Next(3) == 0 ? random.Next(0, 5) : random.Next(5, 120);
        var steps = new List<Step>();
        for (var i = random.Next(10, 60); i > 0; i--)
        {
            var roll = random.Next(16);
            steps.Add(roll switch
            {
                < 3 => new Step("create", Role: new[] { "customer", "bot", "operator" }[random.Next(3)]),
                < 5 => new Step("status", random.NextDouble()),
                < 6 => new Step("receipt"),
                < 9 => new Step("deliver", random.Next(1, 30)),
                < 10 => new Step("reconnect", random.Next(0, 5)),
                < 12 => new Step("requestOlder", random.Next(1, 40)),
                < 15 => new Step("answerPage", random.Next(0, 4)),
                _ => new Step("reset"),
            });
        }
        return (initial, steps);
    }

    /// <summary>Runs a schedule; the first broken property, or null.</summary>
    internal static string? Run(int initial, IReadOnlyList<Step> steps)
    {
        var server = new HistoryServer(initial);
        var store = new LiveStoreCore();
        var inFlight = new List<(PageRequest Request, (IReadOnlyList<MessageDto> Items, bool HasMore, long Cursor) Page)>();
        var position = 0;
        void Ask(PageRequest? request, int limit) { if (request is not null) inFlight.Add((request, server.Page(request, limit))); }
        void Watch()
        {
            store.LoadSnapshot(server.Snapshot());
            position = (int)store.Cursor;
            Ask(store.NewestPage(1), 25); // as WatchConversationAsync does, and the resync after a reset
        }
        void Deliver(double count) { for (; count > 0 && position < server.Cursor; count--) store.ApplyEvent(server.Log[position++]); }
        void Load(PageRequest request, (IReadOnlyList<MessageDto> Items, bool HasMore, long Cursor) page) => store.LoadPage(request, page.Items, page.HasMore, page.Cursor);

        Watch();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            switch (step.Op)
            {
                case "create": server.Create(step.Role); break;
                case "status": server.AdvanceStatus((int)(step.Value * server.Messages.Count)); break;
                case "receipt": server.ReadAll(); break;
                case "deliver": Deliver(step.Value); break;
                case "reconnect": position = (int)Math.Max(0, store.Cursor - step.Value); break;
                case "requestOlder": Ask(store.NextPage(1), (int)step.Value); break;
                case "answerPage":
                    if (inFlight.Count == 0) break;
                    var answer = inFlight[(int)step.Value % inFlight.Count];
                    inFlight.Remove(answer);
                    Load(answer.Request, answer.Page);
                    break;
                case "reset": store.RequestSnapshot(); Watch(); break;
            }
            if (Contiguous(store, server) is { } broken) return $"after step {i + 1} ({step.Op}): {broken}";
        }
        // Drain: every event and page arrives, then the view pages up to the first message.
        Deliver(double.PositiveInfinity);
        foreach (var (request, page) in inFlight) Load(request, page);
        for (var round = 0; round < 500 && store.NextPage(1) is { } request; round++)
        {
            Load(request, server.Page(request, 7));
            if (Contiguous(store, server) is { } broken) return $"while paging at the end: {broken}";
        }
        var shown = string.Join(",", store.Transcript(1).Messages.Select(m => $"{m.ClientMessageId}:{m.Status}"));
        var truth = string.Join(",", server.Messages.Select(m => $"{m.ClientMessageId}:{m.Status}"));
        return shown == truth ? null : $"did not converge: view [{shown}], server [{truth}]";
    }

    /// <summary>What the view shows is a run of consecutive ordinals of the server's transcript, from where its range starts.</summary>
    static string? Contiguous(LiveStoreCore store, HistoryServer server)
    {
        var t = store.Transcript(1);
        for (var i = 0; i < t.Messages.Count; i++)
        {
            var m = t.Messages[i];
            var truth = m.Ordinal is { } o && o >= 1 && o <= server.Messages.Count ? server.Messages[(int)o - 1] : null;
            if (truth?.ClientMessageId != m.ClientMessageId) return $"ordinal {m.Ordinal} shows {m.ClientMessageId}, the server has {truth?.ClientMessageId}";
            if (m.Ordinal != (t.From ?? 0) + i) return $"a hole: the view shows ordinals [{string.Join(",", t.Messages.Select(x => x.Ordinal))}], {(t.From ?? 0) + i} is missing";
        }
        return !t.HasOlder && t.From is { } from && from != 1 ? $"the view says nothing is older, but starts at {from}" : null;
    }

    /// <summary>The fewest steps that still fail: drop chunks, then single steps, while the failure remains.</summary>
    static List<Step> Shrink(int initial, IReadOnlyList<Step> steps)
    {
        var current = steps.ToList();
        for (var chunk = Math.Max(1, current.Count / 2); chunk >= 1; chunk = chunk == 1 ? 0 : chunk / 2)
            for (var i = 0; i < current.Count;)
            {
                var candidate = current.Take(i).Concat(current.Skip(i + chunk)).ToList();
                if (Run(initial, candidate) is not null) current = candidate;
                else i += chunk;
            }
        return current;
    }
}
