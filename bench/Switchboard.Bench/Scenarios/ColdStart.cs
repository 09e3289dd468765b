using System.Net.Http.Json;
using Switchboard.Bench.Load;
using Switchboard.Bench.Report;
using Switchboard.Bench.Storage;
using Switchboard.Bench.Targets;

namespace Switchboard.Bench.Scenarios;

/// <summary>
/// Scenario 5: process start to the first healthy <c>/healthz</c>: Switchboard on an empty database (it migrates and
/// seeds the demo on that start), on a database with a million messages, and the baseline Kestrel process. After the
/// large start, one conversation list proves the data is there and served.
/// </summary>
public static class ColdStart
{
    public static async Task RunAsync(BenchOptions options, BenchPaths paths, ResultBook book, CancellationToken cancellationToken)
    {
        if (options.Urls.Count > 0) throw new ArgumentException("cold-start starts its own processes; drop --url.");
        if (options.Database != "sqlite") throw new ArgumentException("cold-start measures the SQLite deployment.");
        var starts = options.Smoke ? 1 : Math.Max(options.Runs, 5);

        var large = paths.NewDataDirectory();
        await using (await TargetFactory.StartAsync("switchboard", paths, options, cancellationToken, dataDirectory: large)) { }
        var seeding = Clock.Now;
        await MessageSeeder.SeedAsync(Path.Combine(large, "switchboard.db"), options.Messages, cancellationToken);
        Console.WriteLine($"    seeded {options.Messages:N0} messages in {Clock.Ms(seeding, Clock.Now) / 1000:F1} s");

        for (var i = 0; i < starts; i++)
        {
            if (options.Targets.Contains("baseline"))
                await using (var baseline = await TargetFactory.StartAsync("baseline", paths, options, cancellationToken))
                    book.Add(new ScenarioResult("cold-start", "baseline", "any").With("start to healthy ms", baseline.Process!.StartupMs));
            if (!options.Targets.Contains("switchboard")) continue;
            await using (var empty = await TargetFactory.StartAsync("switchboard", paths, options, cancellationToken))
                book.Add(new ScenarioResult("cold-start", "switchboard", "empty database").With("start to healthy ms", empty.Process!.StartupMs));
            await using (var full = await TargetFactory.StartAsync("switchboard", paths, options, cancellationToken, dataDirectory: large))
            {
                var result = new ScenarioResult("cold-start", "switchboard", $"{options.Messages:N0} messages").With("start to healthy ms", full.Process!.StartupMs);
                var setup = await full.SetUpAsync(1, 0, cancellationToken);
                using var http = new HttpClient { BaseAddress = full.Nodes[0] };
                http.DefaultRequestHeaders.Authorization = new("Bearer", setup.OperatorTokens[0]);
                var listed = Clock.Now;
                var page = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/conversations?limit=50", cancellationToken);
                result.With("first list ms", Clock.Ms(listed, Clock.Now));
                if (page.GetProperty("items").GetArrayLength() == 0) result.Failures.Add("the seeded conversations were not listed");
                book.Add(result);
            }
        }
    }
}
