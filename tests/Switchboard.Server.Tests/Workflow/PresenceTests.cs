using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Conversations;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Jobs;
using Switchboard.Server.Members;
using Switchboard.Server.Presence;
using Switchboard.Server.Queue;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Workflow;

public sealed class PresenceTests
{
    [Theory, BothDatabases]
    public async Task IdleOperatorGoesOfflineAndTheirConversationsReturnToTheQueue(DatabaseKind db)
    {
        var (clock, recorder) = (new ManualClock(), new JobRecorder());
        await using var app = await TestApp.StartAsync(db, configureServices: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IJobObserver>(recorder);
        });
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false, IdleTimeout = TimeSpan.FromMinutes(2) });
        var first = (await ws.NewVisitorAsync()).ConversationId;
        var second = await ws.NewVisitorAsync();
        await ws.Operator.ClaimAsync(first);
        await ws.Operator.ClaimAsync(second.ConversationId);
        await second.WriteAsync("Hello");
        await ws.Operator.ReplyAsync(second.ConversationId, "Hi!"); // waiting_customer, still the operator's
        Assert.Equal("online", (await ws.Operator.GetAsync<MemberResponse>($"/api/v1/members/{ws.OperatorId}")).Presence);

        // Activity within the timeout keeps the operator; only the idle time counts.
        clock.Advance(TimeSpan.FromSeconds(90));
        await ws.Operator.GetAsync<QueueResponse>("/api/v1/queue");
        using var watcher = new EventWatcher(app, ws.Id);
        var lastSweep = await LastSweepJobAsync(app);
        clock.Advance(TimeSpan.FromSeconds(90));
        await ws.Admin.GetAsync<QueueResponse>("/api/v1/queue"); // the admin stays active; the operator was active 90 s ago
        // The sweep of the new slot (a job created after the clock moved) ran and left the operator alone.
        await recorder.WaitAsync(o => o.Kind == IdleSweepHandler.JobKind && o.JobId > lastSweep && o.State == JobState.Succeeded);
        Assert.Equal("online", (await ws.Admin.GetAsync<MemberResponse>($"/api/v1/members/{ws.OperatorId}")).Presence);

        // Presence is announced as a live signal, not a log event (DESIGN §4): the release shows in the log,
        // the offline state in the member's record.
        clock.Advance(TimeSpan.FromMinutes(2));
        foreach (var id in new[] { first, second.ConversationId })
        {
            var released = await watcher.WaitAsync(e => e.ConversationId == id && e.Change == "idle_release");
            Assert.Equal(ConversationState.Queued, released.Conversation!.State);
            Assert.Null(released.Conversation.AssigneeId);
            Assert.Equal("system", released.ActorType);
        }
        Assert.Equal("offline", (await ws.Admin.GetAsync<MemberResponse>($"/api/v1/members/{ws.OperatorId}")).Presence);
        Assert.DoesNotContain(watcher.Seen, e => e.Type == "member.updated");
        var queue = await ws.Admin.GetAsync<QueueResponse>("/api/v1/queue");
        Assert.Equal(new[] { first, second.ConversationId }.Order(), queue.Items.Select(c => c.Id).Order());

        // Any request brings the operator back online; away is their own choice and announced too.
        await ws.Operator.GetAsync<QueueResponse>("/api/v1/queue");
        Assert.Equal("online", (await ws.Admin.GetAsync<MemberResponse>($"/api/v1/members/{ws.OperatorId}")).Presence);
        await ws.Operator.SetPresenceAsync("away");
        Assert.Equal("away", (await ws.Admin.GetAsync<MemberResponse>($"/api/v1/members/{ws.OperatorId}")).Presence);
        await (await ws.Operator.PutAsync("/api/v1/presence", JsonContent("{\"status\":\"offline\"}"))).AssertProblemAsync(HttpStatusCode.BadRequest, "status_invalid");
    }

    static Task<long> LastSweepJobAsync(TestApp app) => app.Database.ReadAsync((c, tx) => c.ExecuteScalarAsync<long>(
        "SELECT COALESCE(MAX(id), 0) FROM jobs WHERE kind = @kind", new { kind = IdleSweepHandler.JobKind }, tx), CancellationToken.None);

    static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
