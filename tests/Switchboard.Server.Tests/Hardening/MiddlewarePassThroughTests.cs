using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Switchboard.Server.Errors;
using Switchboard.Server.Widget;
using Switchboard.Server.Widget.Cors;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>
/// A stream's request lasts hours. A middleware that awaited it would keep an async frame of its own alive for as
/// long, once per open stream; one with nothing to do hands the endpoint's task back as it is. (That a query or a
/// JSON body is still checked is pinned end to end by TextRulesTests.)
/// </summary>
public sealed class MiddlewarePassThroughTests
{
    [Fact]
    public void AStreamRequestPassesTheTextGuardAndWidgetCorsWithoutAFrameOfTheirOwn()
    {
        var open = new TaskCompletionSource().Task;
        RequestDelegate stream = _ => open;
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Get;
        http.Request.Path = "/api/v1/stream";
        http.Request.QueryString = new QueryString("?cursor=5");

        Assert.Same(open, new TextGuardMiddleware(stream).InvokeAsync(http));
        // No Origin: a same-origin dashboard, which never needs the inbox cache.
        Assert.Same(open, new WidgetCorsMiddleware(stream, null!, Options.Create(new WidgetOptions())).InvokeAsync(http));
    }
}
