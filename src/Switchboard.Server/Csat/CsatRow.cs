using Switchboard.Server.Common;

namespace Switchboard.Server.Csat;

/// <summary>A <c>csat_ratings</c> row: one resolution's request and its answer.</summary>
public sealed class CsatRow
{
    public const string Columns = "id, workspace_id, conversation_id, contact_id, inbox_id, channel, assignee_id, resolution_seq, requested_at, rating, comment, rated_at, updated_at, version";

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public long ConversationId { get; set; }
    public long ContactId { get; set; }
    public long InboxId { get; set; }
    public string Channel { get; set; } = "";
    public long? AssigneeId { get; set; }
    public long ResolutionSeq { get; set; }
    public long RequestedAt { get; set; }
    public long? Rating { get; set; }
    public string? Comment { get; set; }
    public long? RatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public long Version { get; set; }

    /// <summary>Until when a rating may be given (the answer window after the resolution) or changed (the change window after the first one).</summary>
    public long ChangeableUntilMs(CsatOptions options) => RatedAt is { } rated
        ? Math.Min(rated + (long)options.ChangeWindow.TotalMilliseconds, RequestedAt + (long)options.AnswerWindow.TotalMilliseconds + (long)options.ChangeWindow.TotalMilliseconds)
        : RequestedAt + (long)options.AnswerWindow.TotalMilliseconds;

    public CsatResponse ToTeam(CsatOptions options) => new(Id, ConversationId, Channel, AssigneeId, Time.FromMs(RequestedAt), (int?)Rating, Comment,
        RatedAt is { } r ? Time.FromMs(r) : null, Time.FromMs(ChangeableUntilMs(options)), Version);

    /// <summary>The visitor's copy: who it counts for is the team's business.</summary>
    public CsatResponse ToVisitor(CsatOptions options) => ToTeam(options) with { AssigneeId = null };
}
