using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Csat;
using Switchboard.Server.Errors;
using Switchboard.Server.Sync;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Csat;

/// <summary>A resolution asks the customer for a rating; the visitor gives it once per resolution, on their own conversation only.</summary>
public sealed class CsatRatingTests
{
    static readonly WorkspaceSettings NoBot = new() { BotEnabled = false };

    [Theory, BothDatabases]
    public async Task ResolvingAsksOnceAndTheVisitorsRatingIsAnEventForTheTeamAndTheVisitor(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, NoBot);
        var visitor = await ws.NewVisitorAsync();
        var id = visitor.ConversationId;
        await ws.Operator.ClaimAsync(id);
        using var watcher = new EventWatcher(app, ws.Id);

        var resolved = await ws.Operator.ResolveAsync(id);
        var request = await watcher.WaitRequestAsync(id);
        Assert.Equal((ws.OperatorId, (int?)null, "widget"), (request.AssigneeId, request.Rating, request.Channel));
        // Resolving again (already resolved) asks nothing more.
        await ws.Operator.ResolveAsync(id);

        var rated = await visitor.RateAsync(request.Id, 5, "  Quick and kind!  ");
        Assert.Equal((5, "Quick and kind!"), (rated.Csat.Rating, rated.Csat.Comment));
        Assert.Null(rated.Csat.AssigneeId); // the visitor's copy does not say whom it counts for
        var evt = await watcher.WaitAsync(e => e.Type == "csat.updated" && e.Seq == rated.Seq);
        Assert.Equal((request.Id, 5, ws.OperatorId), (CsatClient.Csat(evt).Id, CsatClient.Csat(evt).Rating, CsatClient.Csat(evt).AssigneeId));
        Assert.Equal("contact", evt.ActorType);
        var stored = (await LoggedEvents.AfterAsync(app, ws.Id, resolved.Seq)).Where(e => e.Type == "csat.updated").ToList();
        Assert.Equal(2, stored.Count); // the request and the rating: nothing for the second resolve
        Assert.All(stored, e => Assert.Equal(JsonValueKind.Null, e.PublicPayload!.Value.GetProperty("data").GetProperty("csat").GetProperty("assigneeId").ValueKind));

        // Both snapshots carry it: the team's with the operator, the visitor's without.
        var team = await ws.Operator.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot");
        Assert.Equal((5, ws.OperatorId), (team.Csat!.Single(c => c.ConversationId == id).Rating, team.Csat!.Single(c => c.ConversationId == id).AssigneeId));
        var own = await visitor.Client.GetAsync<SnapshotResponse>("/api/v1/sync/snapshot");
        Assert.Equal("Quick and kind!", own.Csat!.Single().Comment);

        // Reopened and resolved again: a new request for the new resolution.
        await ws.Operator.ReopenAsync(id);
        await ws.Operator.ResolveAsync(id);
        var second = await watcher.WaitRequestAsync(id, c => c.Id != request.Id);
        Assert.Null(second.Rating);
    }

    [Theory, BothDatabases]
    public async Task ARetryChangesNothingTwiceAndTheSameAnswerAgainWritesNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, NoBot);
        var visitor = await ws.NewVisitorAsync();
        using var watcher = new EventWatcher(app, ws.Id);
        var request = await watcher.ResolvedRequestAsync(ws.Operator, visitor.ConversationId);

        var first = await visitor.RateAsync(request.Id, 4, "ok", mutationId: "rate-1");
        var retry = await visitor.RateAsync(request.Id, 4, "ok", mutationId: "rate-1");
        Assert.Equal((first.Seq, true), (retry.Seq, retry.Replayed));
        var again = await visitor.RateAsync(request.Id, 4, "ok");
        Assert.False(again.Replayed);
        Assert.Equal(first.Csat.Version, again.Csat.Version);
        // The same mutationId for another answer is a client bug.
        await (await visitor.Client.TryRateAsync(visitor.ConversationId, new { mutationId = "rate-1", requestId = request.Id, rating = 2 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, ErrorCodes.IdempotencyConflict);
        // A change inside the window is one more event; the first rating time stays.
        var changed = await visitor.RateAsync(request.Id, 5, null);
        Assert.Equal((5, (string?)null, first.Csat.RatedAt), (changed.Csat.Rating, changed.Csat.Comment, changed.Csat.RatedAt));
        Assert.Equal(3, (await app.EventsAsync(ws.Id)).Count(e => e.Type == "csat.updated" && e.ConversationId == visitor.ConversationId));
    }

    [Theory, BothDatabases]
    public async Task AVisitorCannotRateAnotherConversationAndTheTeamCannotRateAtAll(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, NoBot);
        var (vera, olga) = (await ws.NewVisitorAsync(), await ws.NewVisitorAsync("Olga Other"));
        using var watcher = new EventWatcher(app, ws.Id);
        await ws.Operator.ResolveAsync(olga.ConversationId);
        var olgas = await watcher.WaitRequestAsync(olga.ConversationId);
        await ws.Operator.ResolveAsync(vera.ConversationId);
        var veras = await watcher.WaitRequestAsync(vera.ConversationId);

        // Olga's conversation is not Vera's to see; Olga's request named on Vera's conversation is not found either.
        await (await vera.Client.TryRateAsync(olga.ConversationId, new { mutationId = "x1", requestId = olgas.Id, rating = 1 }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await vera.Client.TryRateAsync(vera.ConversationId, new { mutationId = "x2", requestId = olgas.Id, rating = 1 }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "csat_not_found");
        Assert.Equal(HttpStatusCode.Forbidden, (await ws.Operator.TryRateAsync(vera.ConversationId, new { mutationId = "x3", requestId = veras.Id, rating = 5 })).StatusCode);
        Assert.DoesNotContain(await app.EventsAsync(ws.Id), e => e.Type == "csat.updated" && e.Data.GetProperty("csat").GetProperty("rating").ValueKind != JsonValueKind.Null);
    }

    [Theory, BothDatabases]
    public async Task HostileInputIsA400AndChangesNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app, NoBot);
        var visitor = await ws.NewVisitorAsync();
        using var watcher = new EventWatcher(app, ws.Id);
        var request = await watcher.ResolvedRequestAsync(ws.Operator, visitor.ConversationId);
        var cursor = await app.CursorAsync(ws.Id);

        async Task Refused(object body, string code) =>
            await (await visitor.Client.TryRateAsync(visitor.ConversationId, body)).AssertProblemAsync(HttpStatusCode.BadRequest, code);
        await Refused(new { mutationId = "h1", requestId = request.Id, rating = 0 }, "rating_invalid");
        await Refused(new { mutationId = "h2", requestId = request.Id, rating = 6 }, "rating_invalid");
        await Refused(new { mutationId = "h3", requestId = request.Id }, "rating_invalid");
        await Refused(new { mutationId = "h4", requestId = request.Id, rating = 3, comment = new string('x', 1001) }, "comment_too_long");
        await Refused(new { mutationId = "h5", requestId = request.Id, rating = 3, comment = "bad\u0000byte" }, "text_invalid"); // the API's one rule for text, before the handler
        await Refused(new { mutationId = "h6", rating = 3 }, "request_id_invalid");
        await Refused(new { mutationId = "with space", requestId = request.Id, rating = 3 }, "mutation_id_invalid");
        Assert.Equal(HttpStatusCode.BadRequest, (await visitor.Client.TryRateAsync(visitor.ConversationId, new { mutationId = "h7", requestId = request.Id, rating = 2.5 })).StatusCode);
        Assert.Equal(cursor, await app.CursorAsync(ws.Id));
    }

    [Theory, BothDatabases]
    public async Task ARatingCanBeChangedOnlyForAWhileAndTurningCsatOffAsksNothing(DatabaseKind db)
    {
        var clock = new ManualClock();
        await using var app = await TestApp.StartAsync(db, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var ws = await TestWorkspace.CreateAsync(app, NoBot);
        var visitor = await ws.NewVisitorAsync();
        using var watcher = new EventWatcher(app, ws.Id);
        var request = await watcher.ResolvedRequestAsync(ws.Operator, visitor.ConversationId);
        await visitor.RateAsync(request.Id, 2);
        clock.Advance(TimeSpan.FromMinutes(31));
        await (await visitor.Client.TryRateAsync(visitor.ConversationId, new { mutationId = WorkflowClient.NewId(), requestId = request.Id, rating = 5 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "csat_closed");

        await (await ws.Admin.PatchJsonAsync("/api/v1/workspace", new { csatEnabled = false })).ReadAsync<JsonElement>();
        var other = await ws.NewVisitorAsync("Olga Other");
        var resolved = await ws.Operator.ResolveAsync(other.ConversationId);
        Assert.DoesNotContain(await app.EventsAsync(ws.Id, resolved.Seq - 1), e => e.Type == "csat.updated");
    }
}
