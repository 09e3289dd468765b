namespace Switchboard.Client.Models;

/// <summary>
/// One resolution's rating request (CSAT) and, once given, its rating: the data of <c>csat.updated</c>. Until
/// <see cref="ChangeableUntil"/> the visitor may give or change it.
/// </summary>
public sealed record CsatDto
{
    /// <summary>Request id (the id a rating names).</summary>
    public long Id { get; init; }
    /// <summary>The resolved conversation.</summary>
    public long ConversationId { get; init; }
    /// <summary><c>widget</c> or <c>whatsapp</c>.</summary>
    public string Channel { get; init; } = "";
    /// <summary>The operator it counts for: the assignee at resolution (null for a visitor, or nobody assigned).</summary>
    public long? AssigneeId { get; init; }
    /// <summary>When the resolution asked.</summary>
    public DateTimeOffset RequestedAt { get; init; }
    /// <summary>1 (very unhappy) to 5 (very happy); null until given.</summary>
    public int? Rating { get; init; }
    /// <summary>The customer's optional comment.</summary>
    public string? Comment { get; init; }
    /// <summary>When the rating was first given.</summary>
    public DateTimeOffset? RatedAt { get; init; }
    /// <summary>Until when it may be given or changed.</summary>
    public DateTimeOffset ChangeableUntil { get; init; }
    /// <summary>Entity version: an event with a lower one than held is stale.</summary>
    public long Version { get; init; }
}

/// <summary>The answer to a rating: the rating after the write and its event's seq (the current cursor when nothing changed).</summary>
public sealed record CsatWriteResult(CsatDto Csat, long Seq, bool Replayed);

/// <summary>Ratings in a group: how many, the average (two decimals; null when none) and the count of each score, 1 to 5.</summary>
public sealed record CsatSummaryDto(long Count, double? Average, IReadOnlyList<long> Distribution);

/// <summary>The ratings counted for one operator (<see cref="MemberId"/> null: nobody was assigned).</summary>
public sealed record CsatOperatorStatsDto(long? MemberId, string? Name, CsatSummaryDto Ratings);

/// <summary>The ratings asked in one team's inboxes (<see cref="TeamId"/> null: inboxes of no team).</summary>
public sealed record CsatTeamStatsDto(long? TeamId, string? Name, CsatSummaryDto Ratings);

/// <summary>The ratings of conversations that carry a label now.</summary>
public sealed record CsatLabelStatsDto(long LabelId, string Name, string Colour, CsatSummaryDto Ratings);

/// <summary>The ratings given on one local day.</summary>
public sealed record CsatDayStatsDto(string Day, CsatSummaryDto Ratings);

/// <summary>Customer satisfaction over local days <see cref="From"/>..<see cref="To"/> (<c>GET /api/v1/stats/csat</c>).</summary>
public sealed record CsatStatsDto(string From, string To, string TimeZone, CsatSummaryDto Total,
    IReadOnlyList<CsatOperatorStatsDto> ByOperator, IReadOnlyList<CsatTeamStatsDto> ByTeam, IReadOnlyList<CsatLabelStatsDto> ByLabel, IReadOnlyList<CsatDayStatsDto> ByDay);
