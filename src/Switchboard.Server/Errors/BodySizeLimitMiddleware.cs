using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Switchboard.Server.Errors;

/// <summary>
/// Refuses request bodies over <see cref="MaxBytes"/> before anything reads them, on Kestrel and on the
/// test host alike (Kestrel's own limit covers chunked bodies; the test host has none).
/// </summary>
sealed class BodySizeLimitMiddleware(RequestDelegate next)
{
    public const long MaxBytes = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        // Routing has already chosen the endpoint, so an endpoint's own limit (RequestBodyLimit) applies.
        var max = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxBytes;
        if (context.Request.ContentLength > max)
            return Problems.WriteAsync(context, 413, ErrorCodes.BodyTooLarge, $"The request body must be at most {max} bytes.");
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = max;
        return next(context);
    }
}
