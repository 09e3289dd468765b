using Switchboard.Core.Messages;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Messages;

/// <summary>
/// A channel's rules for what the team (operators, integrations, the bot) sends into one of its conversations,
/// consulted by <see cref="MessageService"/> for the channel of the conversation's inbox. It runs inside the
/// message's write transaction before anything is written: throwing a <see cref="Core.DomainException"/> refuses
/// the send and nothing is stored. It returns the status the message starts with (<c>sending</c> for a channel
/// that delivers it later, through a job). Channels without a policy store team messages as <c>sent</c>.
/// </summary>
public interface IChannelSendPolicy
{
    /// <summary>The inbox channel this policy is for (<c>whatsapp</c>).</summary>
    string Channel { get; }

    Task<DeliveryStatus> BeforeSendAsync(WriteContext w, ConversationRecord conversation, MessageContent content);

    /// <summary>
    /// Called in the same transaction once the message is stored, so the channel can queue its delivery: a
    /// rolled-back message is never sent.
    /// </summary>
    Task StoredAsync(WriteContext w, MessageResponse message);
}
