using Switchboard.Core;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Conversations;

/// <summary>
/// What must still hold when a write that was decided on an earlier read commits: a job reads, decides (greet, hand
/// off), and writes later, and in between the customer or another node may have written. Checked in the write's own
/// transaction, after a retried write was recognised and before anything is written; writes of a workspace are
/// serialized, so nothing can come between the check and the change.
/// </summary>
public delegate Task<bool> ConversationPrecondition(WriteContext w, ConversationRecord record);

public static class ConversationPreconditions
{
    /// <summary>The code of a write refused because its precondition no longer held; only the server's own jobs set one.</summary>
    public const string FailedCode = "precondition_failed";

    /// <summary>Refuses the write (nothing stored) unless <paramref name="precondition"/> holds or there is none.</summary>
    public static async Task RequireAsync(this ConversationPrecondition? precondition, WriteContext w, ConversationRecord record)
    {
        if (precondition is not null && !await precondition(w, record))
            throw new DomainException(FailedCode, "What this change was decided on has changed since.", DomainErrorKind.Conflict);
    }
}
