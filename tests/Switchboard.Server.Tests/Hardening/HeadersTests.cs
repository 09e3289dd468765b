using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>Security headers on every answer; forwarded headers believed from configured proxies only.</summary>
public sealed class HeadersTests
{
    [Fact]
    public async Task PagesCannotBeFramedAndRunOnlyThisOriginsScriptsAndNoAnswerCanBeFramed()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var client = app.CreateClient();

        var page = await client.GetAsync("/");
        var csp = Header(page, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal(("DENY", "nosniff", "same-origin"), (Header(page, "X-Frame-Options"), Header(page, "X-Content-Type-Options"), Header(page, "Referrer-Policy")));

        var api = await client.GetAsync("/api/v1/auth/me");
        Assert.Equal(("frame-ancestors 'none'", "nosniff"), (Header(api, "Content-Security-Policy"), Header(api, "X-Content-Type-Options")));
        // The widget script stays loadable from customers' sites.
        var widget = await client.GetAsync("/widget.js");
        Assert.False(widget.Headers.Contains("Cross-Origin-Resource-Policy"));
    }

    [Fact]
    public async Task TheSessionCookieIsSecureBehindATrustedTlsProxyOnly()
    {
        await using var untrusted = await StartBehindProxyAsync(trusted: false);
        Assert.DoesNotContain("secure", await LoginCookieAsync(untrusted), StringComparison.OrdinalIgnoreCase);

        await using var trusted = await StartBehindProxyAsync(trusted: true);
        Assert.Contains("secure", await LoginCookieAsync(trusted), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RateLimitsCountTheClientAddressATrustedProxyForwards()
    {
        await using var app = await StartBehindProxyAsync(trusted: true, new()
        {
            ["RateLimits:Enabled"] = "true", ["RateLimits:WidgetSessionsPerAddress:Permits"] = "2",
        });
        var ws = await TestWorkspace.CreateAsync(app);
        Task<HttpResponseMessage> Start(string client)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/widget/sessions") { Content = JsonContent(new { inboxToken = ws.Inbox.PublicToken }) };
            request.Headers.Add("X-Forwarded-For", client);
            return app.CreateClient().SendAsync(request);
        }

        for (var i = 0; i < 2; i++) Assert.Equal(HttpStatusCode.OK, (await Start("203.0.113.1")).StatusCode);
        await (await Start("203.0.113.1")).AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(HttpStatusCode.OK, (await Start("203.0.113.2")).StatusCode);
    }

    const string ProxyAddress = "10.0.0.5";

    /// <summary>Every request arrives from <see cref="ProxyAddress"/> (the test server has no socket), trusted or not.</summary>
    static Task<TestApp> StartBehindProxyAsync(bool trusted, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(extra ?? []);
        if (trusted) settings["Proxy:KnownProxies:0"] = ProxyAddress;
        return TestApp.StartAsync(DatabaseKind.Sqlite, extra: settings,
            configureServices: s => s.AddTransient<IStartupFilter>(_ => new FromProxy()));
    }

    static async Task<string> LoginCookieAsync(TestApp app)
    {
        var ws = await TestWorkspace.CreateAsync(app);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent(new { email = ws.OperatorEmail, password = TestWorkspace.Password }) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie"));
    }

    static HttpContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body);

    static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : "";

    sealed class FromProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ProxyAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
