using System.Text.Json;
using Switchboard.Core;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Realtime;

/// <summary>
/// What a WebSocket client may send: typing (relayed as an ephemeral signal to the conversation's viewers),
/// read/delivered receipts (applied as a normal write, whose events come back on the stream), ping and pong.
/// One handler per connection, called from its single receive loop; each kind is rate-limited.
/// </summary>
public sealed class ClientFrameHandler(
    IEphemeralPublisher publisher, IStreamReceipts receipts, IConversationContacts conversations, RealtimeOptions options,
    RealtimeMetrics metrics, TimeProvider clock, ILogger logger)
{
    const int MaxCachedConversations = 256;
    // Created on the first frame of their kind: most connections are dashboards that never send one, and a bucket is
    // full until its first take anyway. Only the receive loop touches them, so no locking.
    SignalRateLimiter? typingLimit;
    SignalRateLimiter? receiptLimit;
    // A conversation's contact never changes, so one lookup per conversation and connection is enough.
    Dictionary<long, ConversationParties>? contactOf;

    public async Task HandleAsync(StreamConnection connection, ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        ClientFrame? frame;
        try
        {
            frame = JsonSerializer.Deserialize<ClientFrame>(utf8.Span, JsonDefaults.Options);
        }
        catch (JsonException)
        {
            Reply(connection, RealtimeErrors.FrameInvalid, "A frame is one JSON object with a type.", null);
            return;
        }
        switch (frame?.Type)
        {
            case "ping":
                connection.TryEnqueue(OutboundFrame.Pong);
                break;
            case "pong":
                break;
            case EphemeralSignals.Typing:
                await TypingAsync(connection, frame, cancellationToken);
                break;
            case "read" or "delivered":
                await ReceiptAsync(connection, frame, cancellationToken);
                break;
            default:
                Reply(connection, RealtimeErrors.FrameInvalid, "type must be typing, read, delivered, ping or pong.", frame?.Type);
                break;
        }
    }

    async Task TypingAsync(StreamConnection connection, ClientFrame frame, CancellationToken cancellationToken)
    {
        if (!(typingLimit ??= NewLimit()).TryTake())
        {
            // Typing is advisory and repeats every few seconds: the excess is dropped without a word.
            metrics.SignalDropped("rate_limited");
            return;
        }
        if (frame.ConversationId is not { } conversationId || frame.State is not (null or "start" or "stop"))
        {
            Reply(connection, RealtimeErrors.FrameInvalid, "typing needs a conversationId and a state of start or stop.", frame.Type);
            return;
        }
        var parties = await PartiesOfAsync(connection, conversationId, cancellationToken);
        if (parties is null)
        {
            Reply(connection, "conversation_not_found", "No such conversation.", frame.Type);
            return;
        }
        publisher.PublishEphemeral(EphemeralSignals.TypingIn(connection.Caller.WorkspaceId, conversationId, parties.ContactId, parties.InboxId,
            connection.Caller.Actor, frame.State != "stop") with { OriginConnectionId = connection.Id });
    }

    async Task ReceiptAsync(StreamConnection connection, ClientFrame frame, CancellationToken cancellationToken)
    {
        if (!(receiptLimit ??= NewLimit()).TryTake())
        {
            // Unlike typing, a dropped receipt would be lost state: tell the client so it can send it later.
            Reply(connection, RealtimeErrors.RateLimited, "Too many receipts; send the latest again in a moment.", frame.Type);
            return;
        }
        if (frame.ConversationId is not { } conversationId)
        {
            Reply(connection, RealtimeErrors.FrameInvalid, $"{frame.Type} needs a conversationId and an upToMessageId.", frame.Type);
            return;
        }
        try
        {
            await receipts.ApplyAsync(connection.Caller, conversationId, frame.Type, frame.UpToMessageId, cancellationToken);
        }
        catch (DomainException ex)
        {
            Reply(connection, ex.Code, ex.Message, frame.Type);
        }
    }

    async Task<ConversationParties?> PartiesOfAsync(StreamConnection connection, long conversationId, CancellationToken cancellationToken)
    {
        contactOf ??= [];
        if (!contactOf.TryGetValue(conversationId, out var parties))
        {
            var found = await conversations.PartiesAsync(connection.Caller.WorkspaceId, conversationId, cancellationToken);
            if (found is null) return null;
            if (contactOf.Count >= MaxCachedConversations) contactOf.Clear();
            contactOf[conversationId] = parties = found;
        }
        // A visitor may only type in their own conversation, an operator only in their scope; others answer as if it did not exist.
        if (connection.Audience.ContactId is { } own) return own == parties.ContactId ? parties : null;
        return connection.Audience.Scope.Sees(parties.InboxId) ? parties : null;
    }

    SignalRateLimiter NewLimit() => new(clock, options.SignalsPerSecond, options.SignalBurst);

    void Reply(StreamConnection connection, string code, string detail, string? forType)
    {
        RealtimeLog.BadClientFrame(logger, connection.Id, code);
        connection.TryEnqueue(OutboundFrame.Error(JsonSerializer.Serialize(new ErrorFrame(code, detail, forType), JsonDefaults.Options)));
    }
}
