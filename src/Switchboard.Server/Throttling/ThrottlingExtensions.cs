using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Switchboard.Server.Auth;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Throttling;

/// <summary>
/// ASP.NET Core's rate limiter with Switchboard's policies: token buckets per client address (sign-in, widget sessions)
/// and per caller (messages), answered <c>429 rate_limited</c> with <c>Retry-After</c>. Limits are per node.
/// </summary>
public static class ThrottlingExtensions
{
    public const string Login = "login";
    public const string WidgetSessions = "widget-sessions";
    public const string Messages = "messages";
    public const string WidgetPages = "widget-pages";
    public const string Uploads = "uploads";

    public static WebApplicationBuilder AddThrottling(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ThrottlingOptions>().BindConfiguration("RateLimits")
            .Validate(o => o.IsValid(), "RateLimits are out of range (see ThrottlingOptions).").ValidateOnStart();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<ThrottlingOptions>>((limiter, throttling) =>
        {
            var limits = throttling.Value;
            limiter.OnRejected = (context, cancellationToken) => RejectAsync(context.HttpContext, context.Lease, cancellationToken);
            limiter.AddPolicy(Login, http => ByAddress(http, limits, limits.LoginPerAddress));
            limiter.AddPolicy(WidgetSessions, http => ByAddress(http, limits, limits.WidgetSessionsPerAddress));
            limiter.AddPolicy(Messages, http => ByCaller(http, limits));
            limiter.AddPolicy(WidgetPages, http => ByVisitor(http, limits, "page", limits.PageReportsPerVisitor));
            limiter.AddPolicy(Uploads, http => ByVisitor(http, limits, "upload", limits.UploadsPerVisitor));
        });
        return builder;
    }

    /// <summary>After authentication: the message limits are per caller.</summary>
    public static WebApplication UseThrottling(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    static RateLimitPartition<string> ByAddress(HttpContext http, ThrottlingOptions limits, RateLimit limit) =>
        limits.Enabled
            ? Bucket("address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), limit)
            : RateLimitPartition.GetNoLimiter("off");

    static RateLimitPartition<string> ByCaller(HttpContext http, ThrottlingOptions limits)
    {
        if (!limits.Enabled || http.User.FindFirst("sb:kind") is null) return RateLimitPartition.GetNoLimiter("off");
        var caller = Caller.From(http.User);
        // Members are the team answering: their pace is their own. Visitors and keys are who can flood a workspace.
        return caller.Kind switch
        {
            CallerKind.Visitor => Bucket($"visitor:{caller.WorkspaceId}:{caller.ContactId}", limits.MessagesPerVisitor),
            CallerKind.ApiKey => Bucket($"key:{caller.ApiKeyId}", limits.MessagesPerKey),
            _ => RateLimitPartition.GetNoLimiter("member"),
        };
    }

    static RateLimitPartition<string> ByVisitor(HttpContext http, ThrottlingOptions limits, string what, RateLimit limit) =>
        limits.Enabled && http.User.FindFirst("sb:kind") is not null && Caller.From(http.User) is { IsVisitor: true } visitor
            ? Bucket($"{what}:{visitor.WorkspaceId}:{visitor.ContactId}", limit)
            : RateLimitPartition.GetNoLimiter("off");

    static RateLimitPartition<string> Bucket(string key, RateLimit limit) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limit.Permits,
            TokensPerPeriod = limit.Permits,
            ReplenishmentPeriod = limit.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease, CancellationToken cancellationToken)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        await WriteAsync(http, retryAfter);
    }

    /// <summary>The one 429 answer, for the limiter's refusals and the sign-in delays alike.</summary>
    public static Task WriteAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.WriteAsync(http, StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
            $"Too many requests. Retry in {seconds} s.", new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }
}
