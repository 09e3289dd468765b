using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Conversations;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Jobs;
using Switchboard.Server.Snooze;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Snooze;

/// <summary>The timed snooze's durable wake job, driven by a manual clock: no test waits real time.</summary>
public sealed class SnoozeWakeTests
{
    static Action<IServiceCollection> With(ManualClock clock, JobRecorder recorder) => s =>
    {
        s.AddSingleton<TimeProvider>(clock);
        s.AddSingleton<IJobObserver>(recorder);
    };

    static bool WakeSucceeded(JobOutcome o) => o.Kind == SnoozeService.WakeJobKind && o.State == JobState.Succeeded;

    [Theory, BothDatabases]
    public async Task TheJobWakesATimedSnoozeAtItsTimeAndTheJobOfAReplacedSnoozeDoesNothing(DatabaseKind db)
    {
        var (clock, recorder) = (new ManualClock(), new JobRecorder());
        await using var app = await TestApp.StartAsync(db, configureServices: With(clock, recorder));
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false });
        var id = (await ws.NewVisitorAsync()).ConversationId;
        var start = clock.GetUtcNow();
        using var watcher = new EventWatcher(app, ws.Id);

        await ws.Operator.SnoozeUntilAsync(id, start.AddHours(1));
        var later = await ws.Operator.SnoozeUntilAsync(id, start.AddHours(2)); // the first job stays, and must do nothing
        Assert.Equal(start.AddHours(2).ToUnixTimeMilliseconds(), later.Conversation.SnoozedUntil!.Value.ToUnixTimeMilliseconds());

        clock.AdvanceTo(start.AddHours(1));
        await recorder.WaitAsync(WakeSucceeded);
        var still = await ws.Operator.ConversationAsync(id);
        Assert.Equal((later.Conversation.SnoozedUntil, null), (still.SnoozedUntil, still.WakeReason));
        Assert.Equal(later.Seq, await app.CursorAsync(ws.Id));

        clock.AdvanceTo(start.AddHours(2));
        var woke = await watcher.WaitAsync(e => e.ConversationId == id && e.Change == "woken");
        Assert.Equal("system", woke.ActorType);
        Assert.Equal((null, false, WakeReason.SnoozeEnded, ConversationState.Queued),
            (woke.Conversation!.SnoozedUntil, woke.Conversation.SnoozeUntilReply, woke.Conversation.WakeReason, woke.Conversation.State));
        Assert.Contains(id, await ws.Operator.ListIdsAsync());

        // Dismissing the marker is an event too, so every dashboard drops it.
        var dismissed = await ws.Operator.UnsnoozeAsync(id);
        Assert.Null(dismissed.Conversation.WakeReason);
        Assert.Equal("unsnoozed", (await watcher.WaitAsync(e => e.Seq == dismissed.Seq)).Change);
    }

    [Theory, BothDatabases]
    public async Task AnUnsnoozeOrACustomerMessageLeavesTheJobNothingToDo(DatabaseKind db)
    {
        var (clock, recorder) = (new ManualClock(), new JobRecorder());
        await using var app = await TestApp.StartAsync(db, configureServices: With(clock, recorder));
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false });
        var visitor = await ws.NewVisitorAsync();
        var byHand = (await ws.NewVisitorAsync("Hans Hand")).ConversationId;
        var start = clock.GetUtcNow();

        await ws.Operator.SnoozeUntilAsync(visitor.ConversationId, start.AddMinutes(30));
        await ws.Operator.SnoozeUntilAsync(byHand, start.AddMinutes(30));
        await ws.Operator.UnsnoozeAsync(byHand);
        await visitor.WriteAsync("I am back early");
        var cursor = await app.CursorAsync(ws.Id);

        clock.AdvanceTo(start.AddMinutes(30));
        // Both jobs ran (one per conversation) and neither wrote anything.
        var first = await recorder.WaitAsync(WakeSucceeded);
        await recorder.WaitAsync(o => WakeSucceeded(o) && o.JobId != first.JobId);
        Assert.Equal(cursor, await app.CursorAsync(ws.Id));
        Assert.Equal(WakeReason.CustomerReplied, (await ws.Operator.ConversationAsync(visitor.ConversationId)).WakeReason);
        Assert.Null((await ws.Operator.ConversationAsync(byHand)).WakeReason);
    }

    [Theory, BothDatabases]
    public async Task ATimedSnoozeWakesAfterARestart(DatabaseKind db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        var clock = new ManualClock();
        var until = clock.GetUtcNow().AddHours(3);
        long workspaceId, id;
        await using (var first = await TestApp.StartAsync(db, database: database, configureServices: With(clock, new JobRecorder())))
        {
            var ws = await TestWorkspace.CreateAsync(first, new WorkspaceSettings { BotEnabled = false });
            (workspaceId, id) = (ws.Id, (await ws.NewVisitorAsync()).ConversationId);
            await ws.Operator.SnoozeUntilAsync(id, until);
        }

        var (later, recorder) = (new ManualClock(clock.GetUtcNow()), new JobRecorder());
        await using var second = await TestApp.StartAsync(db, database: database, configureServices: With(later, recorder));
        later.AdvanceTo(until);
        // The job's success means its write committed; the log says what it did.
        var outcome = await recorder.WaitAsync(o => o.Kind == SnoozeService.WakeJobKind);
        Assert.True(outcome.State == JobState.Succeeded, outcome.Error);
        var woke = (await second.ConversationEventsAsync(workspaceId, id)).Last();
        Assert.Equal(("woken", "system"), (woke.Change, woke.ActorType));
        Assert.Equal(WakeReason.SnoozeEnded, woke.Conversation!.WakeReason);
    }
}
