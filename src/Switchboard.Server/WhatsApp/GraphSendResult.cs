namespace Switchboard.Server.WhatsApp;

/// <summary>
/// How a send to the Graph API ended: accepted with its wamid; refused for good (a 4xx other than 429, with the
/// operator-facing <see cref="Error"/>); or worth retrying (429, 5xx, no answer), with a <see cref="Reason"/> for the logs.
/// </summary>
public sealed record GraphSendResult(string? Wamid, int? StatusCode, string? Error, long? ErrorCode, string Reason)
{
    public bool Accepted => Wamid is not null;
    public bool Refused => Wamid is null && Error is not null;
    public bool Retry => Wamid is null && Error is null;

    public static GraphSendResult Sent(string wamid, int statusCode) => new(wamid, statusCode, null, null, $"HTTP {statusCode}");
    public static GraphSendResult Refuse(int? statusCode, string error, long? errorCode) => new(null, statusCode, error, errorCode, $"HTTP {statusCode}");
    public static GraphSendResult Transient(int? statusCode, string reason) => new(null, statusCode, null, null, reason);
}
