namespace Switchboard.Server.Stats;

/// <summary>One free-text CSV cell (RFC 4180), shared by the statistics exports.</summary>
public static class CsvText
{
    /// <summary>Names are free text: quoted when they hold a comma, quote or line break; a leading formula character is neutralised for spreadsheets.</summary>
    public static string Quote(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
