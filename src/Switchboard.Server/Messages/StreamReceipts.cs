using Switchboard.Server.Auth;
using Switchboard.Server.Realtime;

namespace Switchboard.Server.Messages;

/// <summary>Receipts sent on a stream go through the same <see cref="ReceiptService"/> as the REST endpoint.</summary>
public sealed class StreamReceipts(ReceiptService receipts) : IStreamReceipts
{
    public Task ApplyAsync(Caller caller, long conversationId, string? status, long? upToMessageId, CancellationToken cancellationToken) =>
        receipts.ApplyAsync(caller, conversationId, new ReceiptRequest(status, upToMessageId), cancellationToken);
}
