using Switchboard.Server.Auth;

namespace Switchboard.Server.Realtime;

/// <summary>
/// Applies a delivered/read receipt sent as a WebSocket frame, exactly as the REST endpoint would: implemented by
/// the messages feature, so the stream machinery imports no feature.
/// </summary>
public interface IStreamReceipts
{
    Task ApplyAsync(Caller caller, long conversationId, string? status, long? upToMessageId, CancellationToken cancellationToken);
}
