namespace Switchboard.Server.WhatsApp;

/// <summary>
/// How a call to the Graph API ended: accepted with the id it returned (a wamid for a send, a media id for an upload);
/// refused for good (a 4xx other than 429, with the operator-facing <see cref="Error"/>); or worth retrying (429, 5xx,
/// no answer), with a <see cref="Reason"/> for the logs.
/// </summary>
public sealed record GraphSendResult(string? Id, int? StatusCode, string? Error, long? ErrorCode, string Reason)
{
    public bool Accepted => Id is not null;
    public bool Refused => Id is null && Error is not null;
    public bool Retry => Id is null && Error is null;

    public static GraphSendResult Sent(string id, int statusCode) => new(id, statusCode, null, null, $"HTTP {statusCode}");
    public static GraphSendResult Refuse(int? statusCode, string error, long? errorCode) => new(null, statusCode, error, errorCode, $"HTTP {statusCode}");
    public static GraphSendResult Transient(int? statusCode, string reason) => new(null, statusCode, null, null, reason);
}
