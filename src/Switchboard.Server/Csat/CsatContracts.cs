namespace Switchboard.Server.Csat;

/// <summary>
/// One resolution's rating request and, once given, its rating (1–5), optional comment and when it was first given.
/// <see cref="AssigneeId"/> is the operator it counts for (the assignee at resolution; team only: null for the visitor).
/// <see cref="ChangeableUntil"/>: until then the visitor may give or change the rating; after it the answer is 409 <c>csat_closed</c>.
/// </summary>
public sealed record CsatResponse(
    long Id, long ConversationId, string Channel, long? AssigneeId, DateTimeOffset RequestedAt,
    int? Rating, string? Comment, DateTimeOffset? RatedAt, DateTimeOffset ChangeableUntil, long Version);

/// <summary>The data of a <c>csat.updated</c> event (both views).</summary>
public sealed record CsatEventData(CsatResponse Csat);

/// <summary>
/// The visitor's rating of one request (<see cref="RequestId"/>) of their conversation: 1 (very unhappy) to 5 (very happy),
/// with an optional comment of at most 1000 characters. Retrying with the same <see cref="MutationId"/> changes nothing twice.
/// </summary>
public sealed record SubmitCsatRequest(string? MutationId, long? RequestId, int? Rating, string? Comment);

/// <summary>The rating after the write, and the seq of its <c>csat.updated</c> (the current cursor when nothing changed).</summary>
public sealed record CsatWriteResponse(CsatResponse Csat, long Seq, bool Replayed);

/// <summary>Ratings in a group: how many, their average (two decimals; null when none) and how many of each score, 1 to 5.</summary>
public sealed record CsatSummary(long Count, double? Average, IReadOnlyList<long> Distribution);

/// <summary>The ratings counted for one operator (null: resolved with nobody assigned, such as by the bot).</summary>
public sealed record CsatOperatorStats(long? MemberId, string? Name, CsatSummary Ratings);

/// <summary>The ratings asked in the inboxes of one team (as the inboxes are now; null: inboxes of no team).</summary>
public sealed record CsatTeamStats(long? TeamId, string? Name, CsatSummary Ratings);

/// <summary>The ratings of conversations that carry a label now.</summary>
public sealed record CsatLabelStats(long LabelId, string Name, string Colour, CsatSummary Ratings);

/// <summary>The ratings given on one local day of the workspace.</summary>
public sealed record CsatDayStats(string Day, CsatSummary Ratings);

/// <summary>
/// Customer satisfaction over local days <see cref="From"/>..<see cref="To"/>: the ratings given in the period, in total,
/// per operator, per team (empty while the workspace has no team), per label and per day (every day of the period, zeros included).
/// </summary>
public sealed record CsatStatsResponse(string From, string To, string TimeZone, CsatSummary Total,
    IReadOnlyList<CsatOperatorStats> ByOperator, IReadOnlyList<CsatTeamStats> ByTeam, IReadOnlyList<CsatLabelStats> ByLabel, IReadOnlyList<CsatDayStats> ByDay);
