using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Observability;

/// <summary>One answer of <c>/metrics</c> in Prometheus's text format, read series by series.</summary>
public sealed partial class Scrape(string text)
{
    public string Text => text;

    /// <summary>The sum over the series of <paramref name="name"/> whose labels include every one given (null: no such series).</summary>
    public double? Sum(string name, params (string Label, string Value)[] labels)
    {
        double? sum = null;
        foreach (Match m in Series().Matches(text))
        {
            if (m.Groups["name"].Value != name) continue;
            var set = m.Groups["labels"].Value;
            if (!labels.All(l => set.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal))) continue;
            sum = (sum ?? 0) + double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return sum;
    }

    public static async Task<HttpResponseMessage> GetAsync(TestApp app, string? token)
    {
        var client = app.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/metrics");
    }

    /// <summary>Scrapes until <paramref name="expected"/> holds (instruments record a moment after the answers they measure), at most <paramref name="timeout"/>.</summary>
    public static async Task<Scrape> WaitForAsync(TestApp app, string token, Func<Scrape, bool> expected, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var response = await GetAsync(app, token);
            response.EnsureSuccessStatusCode();
            var scrape = new Scrape(await response.Content.ReadAsStringAsync());
            if (expected(scrape)) return scrape;
            if (cts.IsCancellationRequested) return scrape; // the caller's assertions say what is missing
            // The exporter may answer from its cache for a moment: ask again shortly.
            await Task.Delay(100, CancellationToken.None);
        }
    }

    // Label values are quoted and may hold braces themselves (a route such as {id:long}).
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>(?:[^""}]|""(?:[^""\\]|\\.)*"")*)\})? (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex Series();
}
