using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Bots;

/// <summary>
/// What must still hold when a bot job's write commits: the job read, decided (greet, hand off) and writes later, and in
/// between the customer, the external bot or another node may have written. <see cref="BotResponder"/> checks it in the
/// write's own transaction before storing anything; writes of a workspace are serialized, so nothing can come between
/// the check and the change.
/// </summary>
public delegate Task<bool> BotPrecondition(WriteContext w, ConversationRecord record);
