using System.Globalization;
using System.Text;
using Switchboard.Server.Stats;

namespace Switchboard.Server.Csat;

/// <summary>
/// Satisfaction as CSV (RFC 4180, invariant culture): one row for the total, then one per operator, team, label and day,
/// the period on every row. <c>key</c> is the member id (empty: nobody assigned), the team id (empty: no team), the label
/// id or the day.
/// </summary>
public static class CsatStatsCsv
{
    public const string Header = "from,to,dimension,key,name,ratings,average,rating_1,rating_2,rating_3,rating_4,rating_5";

    public static string Write(CsatStatsResponse stats)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        void Row(string dimension, string key, string name, CsatSummary s) =>
            csv.AppendJoin(',', [stats.From, stats.To, dimension, key, CsvText.Quote(name), Number(s.Count), s.Average?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                ..s.Distribution.Select(Number)]).Append("\r\n");
        Row("total", "", "", stats.Total);
        foreach (var o in stats.ByOperator) Row("operator", o.MemberId is { } id ? Number(id) : "", o.Name ?? "", o.Ratings);
        foreach (var t in stats.ByTeam) Row("team", t.TeamId is { } id ? Number(id) : "", t.Name ?? "", t.Ratings);
        foreach (var l in stats.ByLabel) Row("label", Number(l.LabelId), l.Name, l.Ratings);
        foreach (var d in stats.ByDay) Row("day", d.Day, "", d.Ratings);
        return csv.ToString();
    }

    static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
