using System.Net;
using Switchboard.Server.Bots.External;
using Switchboard.Server.Bots.Llm;
using Switchboard.Server.Outbound;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Webhooks;
using Switchboard.Server.Webhooks;
using Switchboard.Server.WhatsApp;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>Outgoing requests stay off internal addresses, checked when a URL is saved and again when a connection opens.</summary>
public sealed class OutboundGuardTests
{
    static readonly Dictionary<string, string?> Guarded = new() { ["Outbound:AllowInternalAddresses"] = "false" };

    [Theory, BothDatabases]
    public async Task InternalUrlsAreRefusedWhenSavedAndWriteNothing(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db, extra: Guarded);
        var ws = await TestWorkspace.CreateAsync(app);
        string[] internalUrls =
        [
            "http://127.0.0.1:9/hook", "http://localhost:8080/hook", "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/hook",
            "http://172.16.0.1/hook", "http://192.168.1.1/hook", "http://[::1]:8080/hook", "http://[::ffff:127.0.0.1]/hook", "http://0.0.0.0:5000/hook",
        ];
        var cases = internalUrls.Select(url => ($"webhook {url}", (Func<Task<HttpResponseMessage>>)(() =>
            ws.Admin.PostJsonAsync("/api/v1/webhooks", new { url, eventTypes = new[] { "*" } })))).Concat(
        [
            ("LLM base URL", () => ws.Admin.PatchJsonAsync("/api/v1/bot", new { engine = "llm", llm = new { baseUrl = "http://127.0.0.1:11434/v1", model = "m" } })),
            ("external bot URL", () => ws.Admin.PatchJsonAsync("/api/v1/bot", new { engine = "external", external = new { url = "http://169.254.169.254/bot", secret = new string('s', 32) } })),
            ("Graph API base URL", () => ws.Admin.PostJsonAsync("/api/v1/whatsapp/inboxes", new
            {
                name = "WhatsApp", phoneNumberId = "123456", accessToken = "token", appSecret = "secret", verifyToken = "verify",
                graphBaseUrl = "http://10.0.0.1/v21.0",
            })),
        ]);

        foreach (var (name, send) in cases)
        {
            var before = await DatabaseFingerprint.TakeAsync(app);
            var response = await send();
            try { await response.AssertProblemAsync(HttpStatusCode.BadRequest, OutboundGuard.ErrorCode); }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"{name}: {e.Message}"); }
            Assert.True(before == await DatabaseFingerprint.TakeAsync(app), $"{name} changed the database");
        }
    }

    [Fact]
    public async Task EveryOutgoingClientRefusesToConnectToAnInternalAddress()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, extra: Guarded);
        await using var receiver = await WebhookReceiver.StartAsync();
        var factory = app.Service<IHttpClientFactory>();
        // What a URL saved before, or a name that now resolves inside (DNS rebinding), would reach: the connection is refused.
        foreach (var name in new[] { WebhookDeliveryHandler.ClientName, LlmBot.ClientName, ExternalBot.ClientName, GraphApiClient.ClientName })
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => factory.CreateClient(name).PostAsync(receiver.Url, new StringContent("{}")));
            Assert.IsType<OutboundRefusedException>(refused.InnerException);
        }
        var byName = await Assert.ThrowsAsync<HttpRequestException>(() => factory.CreateClient(WebhookDeliveryHandler.ClientName)
            .PostAsync(receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal), new StringContent("{}")));
        Assert.IsType<OutboundRefusedException>(byName.InnerException);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task ARedirectToAnInternalAddressIsNeverFollowed()
    {
        // Only "localhost" is allowed: the allowed host answers 302 to 127.0.0.1, which no client may reach.
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, extra: new(Guarded) { ["Outbound:AllowedHosts:0"] = "localhost" });
        await using var inside = await WebhookReceiver.StartAsync();
        using var redirector = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        redirector.Start();
        var port = ((IPEndPoint)redirector.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answering = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await redirector.AcceptTcpClientAsync(stop.Token);
                var stream = client.GetStream();
                var request = new byte[8192];
                var read = 0;
                while (!System.Text.Encoding.ASCII.GetString(request, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
                    read += await stream.ReadAsync(request.AsMemory(read), stop.Token);
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
                    $"HTTP/1.1 302 Found\r\nLocation: {inside.Url}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), stop.Token);
            }
        });

        var factory = app.Service<IHttpClientFactory>();
        foreach (var name in new[] { WebhookDeliveryHandler.ClientName, LlmBot.ClientName, ExternalBot.ClientName, GraphApiClient.ClientName })
        {
            // Not followed (webhooks, external bot, Graph API), or followed into the guard's refusal at connect time (the
            // LLM client follows redirects): either way nothing inside is reached.
            var outcome = await Record.ExceptionAsync(async () =>
            {
                using var answer = await factory.CreateClient(name).PostAsync($"http://localhost:{port}/hook", new StringContent("{}"));
                Assert.True(answer.StatusCode == HttpStatusCode.Found, $"{name}: {answer.StatusCode}");
            });
            if (outcome is not null) Assert.IsType<OutboundRefusedException>(outcome.InnerException);
        }
        Assert.Empty(inside.Requests);
        await stop.CancelAsync();
        await Task.WhenAny(answering);
    }

    [Fact]
    public async Task AnAllowedHostIsReachableAndMaySaveItsUrl()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, extra: new(Guarded) { ["Outbound:AllowedHosts:0"] = "127.0.0.1" });
        var ws = await TestWorkspace.CreateAsync(app);
        await using var receiver = await WebhookReceiver.StartAsync();

        Assert.Equal(HttpStatusCode.Created, (await ws.Admin.PostJsonAsync("/api/v1/webhooks", new { url = receiver.Url, eventTypes = new[] { "*" } })).StatusCode);
        var answer = await app.Service<IHttpClientFactory>().CreateClient(WebhookDeliveryHandler.ClientName).PostAsync(receiver.Url, new StringContent("{}"));
        Assert.True(answer.IsSuccessStatusCode);
        // Allowing 127.0.0.1 allows that host only, not every internal address.
        await (await ws.Admin.PostJsonAsync("/api/v1/webhooks", new { url = "http://10.1.2.3/hook", eventTypes = new[] { "*" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, OutboundGuard.ErrorCode);
    }
}
