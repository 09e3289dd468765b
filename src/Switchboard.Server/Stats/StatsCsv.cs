using System.Globalization;
using System.Text;

namespace Switchboard.Server.Stats;

/// <summary>Daily statistics as CSV (RFC 4180, invariant culture, UTC ISO-8601 instants, empty cells for nulls).</summary>
public static class StatsCsv
{
    public const string Header =
        "day,member_id,day_start,day_end,live,messages_sent,bot_messages,customer_messages,conversations_handled,new_conversations," +
        "first_responses,first_response_median_ms,first_response_p90_ms,resolved,resolved_without_human,resolution_median_ms," +
        "resolution_p90_ms,handoffs,bot_conversations,bot_containment_rate,handoff_rate";

    public static string Write(IEnumerable<DailyStats> rows)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var r in rows)
        {
            object?[] cells =
            [
                r.Day, r.MemberId, r.DayStart.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), r.DayEnd.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                r.Live ? "true" : "false", r.MessagesSent, r.BotMessages, r.CustomerMessages, r.ConversationsHandled, r.NewConversations,
                r.FirstResponses, r.FirstResponseMedianMs, r.FirstResponseP90Ms, r.Resolved, r.ResolvedWithoutHuman, r.ResolutionMedianMs,
                r.ResolutionP90Ms, r.Handoffs, r.BotConversations, r.BotContainmentRate, r.HandoffRate,
            ];
            csv.AppendJoin(',', cells.Select(c => c is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : c?.ToString() ?? ""));
            csv.Append("\r\n");
        }
        return csv.ToString();
    }
}
