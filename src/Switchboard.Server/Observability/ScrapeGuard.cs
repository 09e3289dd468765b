using System.Security.Cryptography;
using System.Text;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Observability;

/// <summary>Lets a scrape through only with the configured bearer token (compared in constant time).</summary>
static class ScrapeGuard
{
    public static Func<HttpContext, RequestDelegate, Task> Require(string token)
    {
        var expected = Encoding.UTF8.GetBytes(token);
        return (http, next) =>
        {
            var header = http.Request.Headers.Authorization.ToString();
            const string scheme = "Bearer ";
            var given = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()) : [];
            if (CryptographicOperations.FixedTimeEquals(given, expected)) return next(http);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.WriteAsync(http, StatusCodes.Status401Unauthorized, ErrorCodes.InvalidToken, "Scraping the metrics needs the Metrics:Token bearer token.");
        };
    }
}
