namespace Switchboard.Server.Errors;

/// <summary>Stable error codes that are not raised by the domain itself. Clients branch on <c>code</c>.</summary>
public static class ErrorCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string BodyTooLarge = "body_too_large";
    public const string Unauthenticated = "unauthenticated";
    public const string InvalidToken = "invalid_token";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string VersionMismatch = "version_mismatch";
    public const string IdempotencyConflict = "idempotency_conflict";
    public const string InvalidCredentials = "invalid_credentials";
    public const string RateLimited = "rate_limited";
    /// <summary>A control character, an unpaired surrogate or invalid UTF-8 in a query parameter or body (docs/api.md § Text).</summary>
    public const string TextInvalid = "text_invalid";
    public const string Internal = "internal_error";
    /// <summary>The database cannot be reached now: retry after <c>Retry-After</c> seconds.</summary>
    public const string DatabaseUnavailable = "database_unavailable";
}
