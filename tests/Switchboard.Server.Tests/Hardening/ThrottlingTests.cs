using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Auth;
using Switchboard.Server.Tests.Attachments;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>Abuse is answered 429 with Retry-After, at the production limits unless a test says otherwise, and a refused request writes nothing.</summary>
public sealed class ThrottlingTests
{
    static readonly Dictionary<string, string?> On = new() { ["RateLimits:Enabled"] = "true" };

    [Theory, BothDatabases]
    public async Task WrongPasswordsForOneAccountEarnAGrowingDelayThatARightOneResets(DatabaseKind db)
    {
        var clock = new ManualClock();
        await using var app = await TestApp.StartAsync(db, extra: On, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var ws = await TestWorkspace.CreateAsync(app);
        var client = app.CreateClient();
        Task<HttpResponseMessage> Login(string password) => client.PostJsonAsync("/api/v1/auth/login", new { email = ws.OperatorEmail, password });

        for (var i = 0; i < 5; i++) await (await Login("wrong-password")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await Login("wrong-password")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials"); // the sixth locks for 1 s
        await AssertLimitedAsync(await Login(TestWorkspace.Password), 1); // even the right password waits
        clock.Advance(TimeSpan.FromSeconds(1));
        await (await Login("wrong-password")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials"); // the seventh: 2 s
        await AssertLimitedAsync(await Login("wrong-password"), 2);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await Login(TestWorkspace.Password)).StatusCode);
        await (await Login("wrong-password")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials"); // counting starts over
        Assert.Equal(HttpStatusCode.OK, (await Login(TestWorkspace.Password)).StatusCode);
        // Another account from the same address is not locked by this one's run.
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/v1/auth/login", new { email = ws.AdminEmail, password = TestWorkspace.Password })).StatusCode);
    }

    /// <summary>
    /// Guesses sent all at once get no more password checks than guesses sent one after another: the five free ones and
    /// the sixth that locks; the others are told to wait. (Checked before the slow hash and counted after it, 20 at once
    /// all used to be checked.)
    /// </summary>
    [Theory, BothDatabases]
    public async Task WrongPasswordsSentAllAtOnceGetNoMoreChecksThanOneAfterAnother(DatabaseKind db)
    {
        var clock = new ManualClock();
        await using var app = await TestApp.StartAsync(db, extra: On, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var ws = await TestWorkspace.CreateAsync(app);
        Task<HttpResponseMessage> Login(string password) => app.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = ws.OperatorEmail, password });

        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Login("wrong-password")));
        Assert.Equal(6, burst.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        foreach (var refused in burst.Where(r => r.StatusCode != HttpStatusCode.Unauthorized)) await AssertLimitedAsync(refused);
        await AssertLimitedAsync(await Login(TestWorkspace.Password), 1); // locked as after six one by one
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await Login(TestWorkspace.Password)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task SignInAttemptsPerAddressAreLimited(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, extra: On);
        var client = app.CreateClient();
        // 30 a minute by default; refusals that need no password check count too.
        for (var i = 0; i < 30; i++)
            await (await client.PostJsonAsync("/api/v1/auth/login", new { email = $"nobody{i}@test.example", password = "" })).AssertProblemAsync(HttpStatusCode.BadRequest, "credentials_missing");
        await AssertLimitedAsync(await client.PostJsonAsync("/api/v1/auth/login", new { email = "nobody@test.example", password = "x" }));
    }

    [Theory, BothDatabases]
    public async Task WidgetSessionsPerAddressAreLimitedAndARefusedOneCreatesNoContact(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, extra: On);
        var ws = await TestWorkspace.CreateAsync(app);
        var client = app.CreateClient();
        for (var i = 0; i < 20; i++) // 20 a minute by default
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/v1/widget/sessions", new { inboxToken = ws.Inbox.PublicToken, name = $"V{i}" })).StatusCode);
        var before = await DatabaseFingerprint.TakeAsync(app);
        await AssertLimitedAsync(await client.PostJsonAsync("/api/v1/widget/sessions", new { inboxToken = ws.Inbox.PublicToken, name = "one too many" }));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(app));
    }

    [Theory, BothDatabases]
    public async Task MessagesPerVisitorAreLimitedWithoutSlowingOtherVisitorsOrTheTeam(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, extra: new(On) { ["RateLimits:WidgetSessionsPerAddress:Permits"] = "100" });
        var ws = await TestWorkspace.CreateAsync(app);
        var flooder = await ws.NewVisitorAsync();
        var other = await ws.NewVisitorAsync();
        for (var i = 0; i < 30; i++) // 30 a minute by default
            Assert.Equal(HttpStatusCode.Created, (await flooder.SayAsync($"message {i}")).StatusCode);
        var before = await DatabaseFingerprint.TakeAsync(app);
        await AssertLimitedAsync(await flooder.SayAsync("one too many"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(app));
        Assert.Equal(HttpStatusCode.Created, (await other.SayAsync("hello")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ws.Operator.PostJsonAsync($"/api/v1/conversations/{flooder.ConversationId}/messages",
            new { clientMessageId = "op-1", text = "Please slow down." })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task MessagesPerApiKeyAreLimited(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, extra: new(On) { ["RateLimits:MessagesPerKey:Permits"] = "5" });
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var key = await (await ws.Admin.PostJsonAsync("/api/v1/api-keys", new { name = "crm" })).ReadAsync<CreatedApiKeyResponse>(HttpStatusCode.Created);
        var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        Task<HttpResponseMessage> Post(int i) => integration.PostJsonAsync($"/api/v1/conversations/{visitor.ConversationId}/messages", new { clientMessageId = $"k-{i}", text = $"note {i}" });
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Created, (await Post(i)).StatusCode);
        await AssertLimitedAsync(await Post(5));
    }

    [Theory, BothDatabases]
    public async Task UploadsPerVisitorAreLimitedAndARefusedOneStoresNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, extra: new(On) { ["RateLimits:UploadsPerVisitor:Permits"] = "3" });
        var ws = await TestWorkspace.CreateAsync(app);
        var flooder = await ws.NewVisitorAsync();
        var other = await ws.NewVisitorAsync();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await flooder.Client.TryUploadAsync(flooder.ConversationId, $"up-{i}", TestFiles.Text($"file {i}"), $"f{i}.txt")).StatusCode);
        var before = await DatabaseFingerprint.TakeAsync(app);
        await AssertLimitedAsync(await flooder.Client.TryUploadAsync(flooder.ConversationId, "up-3", TestFiles.Text("one too many"), "f3.txt"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(app));
        Assert.Equal(HttpStatusCode.Created, (await other.Client.TryUploadAsync(other.ConversationId, "up-0", TestFiles.Text("mine"), "mine.txt")).StatusCode);
        // The team's uploads are their own pace.
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Created, (await ws.Operator.TryUploadAsync(flooder.ConversationId, $"op-{i}", TestFiles.Text($"answer {i}"), $"a{i}.txt")).StatusCode);
    }

    static async Task AssertLimitedAsync(HttpResponseMessage response, int? retryAfterSeconds = null)
    {
        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        var retryAfter = response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After");
        if (retryAfterSeconds is { } expected) Assert.Equal(TimeSpan.FromSeconds(expected), retryAfter);
        else Assert.True(retryAfter > TimeSpan.Zero);
    }
}
