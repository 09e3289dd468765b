using System.Net.Http.Headers;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Widget;

namespace Switchboard.Server.Tests.Widget;

/// <summary>Widget settings and cross-origin requests as a host page on another origin makes them.</summary>
public static class WidgetKit
{
    public const string Shop = "https://shop.example.com";

    /// <summary>Replaces the inbox's widget settings (the defaults plus <paramref name="changes"/>) and asserts success.</summary>
    public static async Task PutSettingsAsync(TestWorkspace ws, object? allowedOrigins = null, object? businessHours = null, string identityVerification = "off",
        bool botOutsideHours = true)
    {
        var response = await ws.Admin.PutAsync($"/api/v1/inboxes/{ws.Inbox.Id}/widget", System.Net.Http.Json.JsonContent.Create(new
        {
            allowedOrigins = allowedOrigins ?? new[] { Shop, "https://*.example.org" },
            teamName = "Acme support",
            color = "#112233",
            position = "left",
            identityVerification,
            businessHours,
            botOutsideHours,
        }, options: Http.Json));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static HttpRequestMessage From(string origin, HttpMethod method, string url, string? bearer = null, object? json = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Origin", origin);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (json is not null) request.Content = System.Net.Http.Json.JsonContent.Create(json, options: Http.Json);
        return request;
    }

    public static HttpRequestMessage Preflight(string origin, string url, string method = "POST")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
        return request;
    }

    public static string? AllowOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    public static async Task<WidgetSessionResponse> SessionAsync(TestApp app, TestWorkspace ws, string origin, object? identity = null) =>
        await (await app.CreateClient().SendAsync(From(origin, HttpMethod.Post, "/api/v1/widget/sessions", json: new { inboxToken = ws.Inbox.PublicToken, identity })))
            .ReadAsync<WidgetSessionResponse>();
}
