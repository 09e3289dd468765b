using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Site;

/// <summary>The pages people open: the dashboard at <c>/app</c>, the widget script at <c>/widget.js</c>, a demo website at <c>/</c>.</summary>
public static class SiteApi
{
    public static WebApplication UseSite(this WebApplication app)
    {
        app.UseStaticFiles();
        return app;
    }

    public static IEndpointConventionBuilder MapSite(this WebApplication app)
    {
        app.MapGet("/widget.js", WidgetScript).AllowAnonymous().ExcludeFromDescription();
        app.MapFallbackToFile("/app/{*path:nonfile}", "app/index.html").AllowAnonymous();
        return app.MapGet("/", DemoPageAsync).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>The widget bundle; short caching so a new deployment reaches every page within minutes.</summary>
    public static Results<PhysicalFileHttpResult, NotFound> WidgetScript(IWebHostEnvironment env, HttpContext http)
    {
        var file = env.WebRootFileProvider.GetFileInfo("widget/widget.js");
        if (!file.Exists || file.PhysicalPath is null) return TypedResults.NotFound();
        http.Response.Headers.CacheControl = "public, max-age=300";
        http.Response.Headers[HeaderNames.AccessControlAllowOrigin] = "*";
        return TypedResults.PhysicalFile(file.PhysicalPath, "text/javascript; charset=utf-8", lastModified: file.LastModified,
            entityTag: new EntityTagHeaderValue($"\"{file.LastModified.ToUnixTimeSeconds()}-{file.Length}\""));
    }

    /// <summary>A small shop page with the widget of the first widget inbox, the way a customer's site embeds it.</summary>
    public static async Task<ContentHttpResult> DemoPageAsync(Database database, CancellationToken cancellationToken)
    {
        var token = await database.ReadAsync((c, tx) => InboxStore.FirstTokenAsync(c, tx, InboxChannels.Widget, cancellationToken), cancellationToken);
        return TypedResults.Content(DemoPage.Render(token), "text/html; charset=utf-8");
    }
}
