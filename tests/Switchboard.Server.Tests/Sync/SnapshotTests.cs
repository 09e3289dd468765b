using System.Text.Json;
using Switchboard.Server.Conversations;
using Switchboard.Server.Sync;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Sync;

public sealed class SnapshotTests
{
    /// <summary>Snapshot + the events after its cursor = a fresh read, while writers keep going.</summary>
    [Theory, BothDatabases]
    public async Task SnapshotPlusLaterEventsEqualsAFreshRead(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitors = new List<TestVisitor>();
        for (var i = 0; i < 4; i++) visitors.Add(await ws.NewVisitorAsync($"C{i}"));

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var v = visitors[n % visitors.Count];
                await v.SayAsync($"msg {n}");
                if (n % 3 == 0) await ws.Operator.PatchJsonAsync($"/api/v1/conversations/{v.ConversationId}", new { mutationId = $"t{n}", botActive = n % 2 == 0 });
                n++;
            }
        });

        var snapshot = await ws.Operator.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot");
        // Let the writer commit more after the snapshot before stopping it.
        var target = snapshot.Cursor + 10;
        while (await LoggedEvents.CursorAsync(app, ws.Id) < target) await Task.Yield();
        await stop.CancelAsync();
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        var view = snapshot.Conversations.ToDictionary(c => c.Id);
        foreach (var e in await LoggedEvents.AfterAsync(app, ws.Id, snapshot.Cursor))
        {
            if (!e.Payload.GetProperty("data").TryGetProperty("conversation", out var c) || c.ValueKind != JsonValueKind.Object) continue;
            var conversation = c.Deserialize<ConversationResponse>(Http.Json)!;
            if (!view.TryGetValue(conversation.Id, out var known) || known.Version < conversation.Version) view[conversation.Id] = conversation;
        }
        var fresh = await ws.Operator.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot");
        Assert.Equal(fresh.Conversations.OrderBy(c => c.Id), view.Values.OrderBy(c => c.Id));
    }
}
