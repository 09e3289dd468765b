using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Bench.Load;
using Switchboard.Bench.Report;
using Switchboard.Bench.Storage;
using Switchboard.Bench.Targets;

namespace Switchboard.Bench.Scenarios;

/// <summary>
/// Search (issue 20): a server with <c>--messages</c> messages (default 1,000,000, seeded in SQL by
/// <see cref="SearchSeeder"/>), then <c>GET /api/v1/search</c> for a few query shapes, one request at a time:
/// median and p95 per shape. Also the seeding time, which includes maintaining the search indexes in bulk.
/// </summary>
public static class SearchLatency
{
    /// <summary>The reference of message 1234 (see <see cref="SearchSeeder"/>): in every seeded database, about one message in 100,003.</summary>
    static readonly string RareWord = $"ref{1234L * 7919 % 100003}";

    static readonly (string Shape, string Query)[] Shapes =
    [
        ("common word (30 %)", "q=order"),
        ("medium word (~500 hits)", "q=item1234"),
        ("rare word (~10 hits)", $"q={RareWord}"),
        ("phrase (10 %)", "q=%22delivery%20address%22"),
        ("word -exclusion", "q=order%20-arrived"),
        ("absent word", "q=zeppelin"),
        ("common word + state + days", "q=order&state=queued&from={from}"),
        ("rare word + assignee none", $"q={RareWord}&assignee=none"),
    ];

    public static async Task RunAsync(BenchOptions options, BenchPaths paths, ResultBook book, CancellationToken cancellationToken)
    {
        if (options.Urls.Count > 0) throw new ArgumentException("search seeds the database it measures; drop --url.");
        var messages = options.Smoke ? 10_000 : options.Messages;
        var requests = options.Smoke ? 3 : 40;
        await using var target = (SwitchboardTarget)await TargetFactory.StartAsync("switchboard", paths, options, cancellationToken);
        var setup = await target.SetUpAsync(1, 0, cancellationToken);

        var seeding = Clock.Now;
        await using (var c = await SearchSeeder.OpenAsync(target.DatabaseSwitches!, cancellationToken))
            await SearchSeeder.SeedAsync(c, options.Database == "postgres", messages, cancellationToken);
        var seedMs = Clock.Ms(seeding, Clock.Now);
        Console.WriteLine($"    seeded {messages:N0} messages in {seedMs / 1000:F1} s");

        using var http = new HttpClient { BaseAddress = target.Nodes[0], Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", setup.OperatorTokens[0]);
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-3).ToString("O"));
        for (var run = 0; run < options.Runs; run++)
        {
            var result = new ScenarioResult("search", "switchboard", $"{messages:N0} messages").With("seed s", seedMs / 1000);
            foreach (var (shape, raw) in Shapes)
            {
                var url = "/api/v1/search?" + raw.Replace("{from}", from, StringComparison.Ordinal);
                var samples = new List<double>();
                var hits = 0;
                for (var i = -3; i < requests; i++) // three warm-up requests, not counted
                {
                    var started = Clock.Now;
                    using var response = await http.GetAsync(url, cancellationToken);
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                    if (i >= 0) samples.Add(Clock.Ms(started, Clock.Now));
                    if (!response.IsSuccessStatusCode) { result.Failures.Add($"{shape}: {(int)response.StatusCode}"); break; }
                    hits = body.GetProperty("messages").GetArrayLength();
                }
                if (samples.Count == 0) continue;
                var p = Percentiles.Of(samples);
                result.With($"{shape} p50 ms", p.P50).With($"{shape} p95 ms", p.P95);
                // Every shape but the absent word finds something in the seeded texts: none would mean the index is wrong.
                if (hits == 0 && shape != "absent word") result.Failures.Add($"{shape}: no hits");
                if (hits != 0 && shape == "absent word") result.Failures.Add("absent word: hits");
            }
            book.Add(result);
        }
    }
}
