namespace Switchboard.Server.Hosting;

/// <summary>
/// Headers on every answer. Pages (the dashboard, the demo shop) get a Content-Security-Policy that allows only this
/// origin's scripts and cannot be framed (<c>frame-ancestors 'none'</c>, <c>X-Frame-Options: DENY</c>); other answers
/// cannot be framed either (a JSON or text answer runs no script: nosniff keeps it from being read as HTML). Nothing here stops <c>/widget.js</c> loading on customers' sites: no
/// Cross-Origin-Resource-Policy, and it is served as JavaScript, so <c>nosniff</c> lets it run.
/// </summary>
sealed class SecurityHeaders(RequestDelegate next)
{
    // Inline styles: the demo page's <style> and style attributes; every script is a file of this origin.
    const string PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:; "
        + "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    const string ApiPolicy = "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            // An endpoint that set its own (stricter) policy keeps it: attachment content is sandboxed and sends no referrer.
            headers.TryAdd("Referrer-Policy", "same-origin");
            var isPage = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = isPage ? PagePolicy : ApiPolicy;
            if (isPage) headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
