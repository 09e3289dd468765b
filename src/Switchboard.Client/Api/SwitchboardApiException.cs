namespace Switchboard.Client.Api;

/// <summary>A non-2xx answer: <see cref="Code"/> is the server's stable error code (ProblemDetails <c>code</c>).</summary>
public sealed class SwitchboardApiException(int status, string code, string? detail, double? retryAfterSeconds = null)
    : Exception($"{status} {code}: {detail}")
{
    /// <summary>HTTP status.</summary>
    public int Status { get; } = status;
    /// <summary>Stable error code to branch on, such as <c>conversation_not_found</c>.</summary>
    public string Code { get; } = code;
    /// <summary>Human-readable explanation.</summary>
    public string? Detail { get; } = detail;
    /// <summary>How long the server asked to wait before trying again (<c>retryAfterSeconds</c> of a 429), when it said.</summary>
    public double? RetryAfterSeconds { get; } = retryAfterSeconds;
}
