namespace Switchboard.Client.Sync;

/// <summary>A write the server refused (4xx) or that gave up after its retries; the view no longer shows it.</summary>
/// <param name="Key">The mutation's <c>mutationId</c> or <c>clientMessageId</c>.</param>
/// <param name="Code">The server's error code (ProblemDetails <c>code</c>), or <c>gave_up</c> / <c>http_NNN</c>.</param>
/// <param name="Status">HTTP status, or 0 when no answer ever came.</param>
/// <param name="Detail">A human-readable explanation.</param>
public sealed record StoreError(string Key, string Code, int Status, string? Detail)
{
    /// <summary>The conversation the refused write was for.</summary>
    public long ConversationId { get; init; }
    /// <summary>For a refused message, its text, so a UI can give it back to the user as a draft.</summary>
    public string? Text { get; init; }
}
