using System.Globalization;
using System.Text;

namespace Switchboard.Server.Labels;

/// <summary>Conversations per label as CSV (RFC 4180, invariant culture), one row per label, the period on every row.</summary>
public static class LabelStatsCsv
{
    public const string Header = "from,to,label_id,label,colour,opened,resolved,open_now";

    public static string Write(LabelStatsResponse stats)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var r in stats.Items)
            csv.AppendJoin(',', stats.From, stats.To, r.LabelId.ToString(CultureInfo.InvariantCulture), Stats.CsvText.Quote(r.Name), r.Colour,
                r.Opened.ToString(CultureInfo.InvariantCulture), r.Resolved.ToString(CultureInfo.InvariantCulture), r.OpenNow.ToString(CultureInfo.InvariantCulture))
                .Append("\r\n");
        return csv.ToString();
    }
}
