using Switchboard.Server.CannedReplies;
using Switchboard.Server.Conversations;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Members;

namespace Switchboard.Server.Sync;

/// <summary>
/// Everything a client needs to start, read in one transaction: applying the events after
/// <see cref="Cursor"/> to this snapshot gives exactly the server's current state. <see cref="Labels"/>: the workspace's
/// labels (the team only; empty for a visitor). <see cref="CannedReplies"/> are the
/// caller's: the workspace's and their own personal ones (none for a visitor). <see cref="Csat"/>: the newest rating request
/// of each conversation in the snapshot that has one (the visitor's copy for a visitor).
/// </summary>
public sealed record SnapshotResponse(
    long Cursor,
    IReadOnlyList<ConversationResponse> Conversations,
    IReadOnlyList<MemberResponse> Members,
    IReadOnlyList<InboxResponse> Inboxes,
    IReadOnlyList<Labels.LabelResponse>? Labels = null,
    IReadOnlyList<CannedReplyResponse>? CannedReplies = null,
    IReadOnlyList<Csat.CsatResponse>? Csat = null);
