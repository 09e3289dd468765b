namespace Switchboard.Server.Stats;

/// <summary>
/// One local day of one member (or of the whole workspace when <c>memberId</c> is null). <c>live</c> rows are computed
/// on request (today, or a day not closed yet); closed rows come from the rollup. Durations are milliseconds;
/// rates are 0..1 or null when their denominator is zero.
/// </summary>
public sealed record DailyStats(
    string Day, long? MemberId, DateTimeOffset DayStart, DateTimeOffset DayEnd, bool Live,
    long MessagesSent, long BotMessages, long CustomerMessages, long ConversationsHandled, long NewConversations,
    long FirstResponses, long? FirstResponseMedianMs, long? FirstResponseP90Ms,
    long Resolved, long ResolvedWithoutHuman, long? ResolutionMedianMs, long? ResolutionP90Ms,
    long Handoffs, long BotConversations, double? BotContainmentRate, double? HandoffRate);

public sealed record DailyStatsResponse(string From, string To, string TimeZone, IReadOnlyList<DailyStats> Items);

/// <summary>The result of closing a day: its rows as stored.</summary>
public sealed record CloseDayResponse(string Day, IReadOnlyList<DailyStats> Items);
