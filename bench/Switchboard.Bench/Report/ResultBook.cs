using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Switchboard.Bench.Report;

/// <summary>
/// Collects every run, prints each scenario as a table of medians with the Switchboard/baseline ratio, and writes
/// all of it (raw runs and medians) as JSON.
/// </summary>
public sealed class ResultBook(string outputDirectory)
{
    readonly List<ScenarioResult> runs = [];

    public IReadOnlyList<ScenarioResult> Runs => runs;
    public bool Passed => runs.All(r => r.Passed);

    public void Add(ScenarioResult result)
    {
        runs.Add(result);
        var verdict = result.Passed ? "ok" : "FAILED: " + string.Join("; ", Problems(result));
        Console.WriteLine($"  {result.Scenario} · {result.Target} · {result.Variant}: {string.Join(", ", result.Figures.Take(4).Select(f => $"{f.Key} {F(f.Value)}"))} · {verdict}");
    }

    public static IEnumerable<string> Problems(ScenarioResult r)
    {
        if (r.Lost > 0) yield return $"{r.Lost} lost";
        if (r.Duplicated > 0) yield return $"{r.Duplicated} duplicated";
        if (r.OutOfOrder > 0) yield return $"{r.OutOfOrder} out of order";
        foreach (var f in r.Failures) yield return f;
    }

    /// <summary>Medians per scenario, target and variant, over the runs.</summary>
    public IEnumerable<(string Scenario, string Target, string Variant, int Runs, Dictionary<string, double> Medians)> Medians() =>
        runs.GroupBy(r => (r.Scenario, r.Target, r.Variant)).Select(g => (g.Key.Scenario, g.Key.Target, g.Key.Variant, g.Count(),
            g.SelectMany(r => r.Figures).GroupBy(f => f.Key).ToDictionary(f => f.Key, f => Median([.. f.Select(x => x.Value)]))));

    public void Print()
    {
        foreach (var scenario in Medians().GroupBy(m => m.Scenario))
        {
            Console.WriteLine();
            Console.WriteLine($"## {scenario.Key} (medians)");
            var rows = scenario.ToList();
            var figures = rows.SelectMany(r => r.Medians.Keys).Distinct().ToList();
            var header = new List<string> { "target", "variant", "runs" };
            header.AddRange(figures);
            var table = new List<List<string>> { header };
            foreach (var row in rows)
                table.Add([row.Target, row.Variant, row.Runs.ToString(CultureInfo.InvariantCulture), .. figures.Select(f => row.Medians.TryGetValue(f, out var v) ? F(v) : "")]);
            foreach (var ratio in Ratios(rows))
                table.Add([$"ratio to {ratio.Reference}", ratio.Variant, "", .. figures.Select(f => ratio.Values.TryGetValue(f, out var v) ? F(v) + "×" : "")]);
            var widths = Enumerable.Range(0, header.Count).Select(c => table.Max(r => r[c].Length)).ToArray();
            foreach (var line in table) Console.WriteLine("| " + string.Join(" | ", line.Select((cell, c) => cell.PadRight(widths[c]))) + " |");
        }
    }

    /// <summary>
    /// Switchboard divided by each reference (the raw baseline, then the durable one), figure by figure, where both ran
    /// the same variant.
    /// </summary>
    static IEnumerable<(string Reference, string Variant, Dictionary<string, double> Values)> Ratios(List<(string Scenario, string Target, string Variant, int Runs, Dictionary<string, double> Medians)> rows)
    {
        foreach (var reference in new[] { "baseline", "durable" })
        foreach (var sw in rows.Where(r => r.Target == "switchboard"))
        {
            // A reference measured once for every variant (such as its process start) is named "any".
            var other = rows.FirstOrDefault(r => r.Target == reference && (r.Variant == sw.Variant || r.Variant == "any"));
            if (other.Medians is null) continue;
            yield return (reference, sw.Variant, sw.Medians.Where(m => other.Medians.TryGetValue(m.Key, out var b) && b != 0)
                .ToDictionary(m => m.Key, m => Math.Round(m.Value / other.Medians[m.Key], 2)));
        }
    }

    public string Save(string name)
    {
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, name + ".json");
        var document = new
        {
            date = DateTimeOffset.UtcNow,
            machine = Machine.Describe(),
            passed = Passed,
            medians = Medians().Select(m => new { m.Scenario, m.Target, m.Variant, m.Runs, m.Medians }),
            runs = runs.Select(r => new { r.Scenario, r.Target, r.Variant, r.Figures, r.Lost, r.Duplicated, r.OutOfOrder, r.Failures, r.Notes }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    static double Median(double[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    static string F(double v) => v >= 100 ? v.ToString("N0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);
}
