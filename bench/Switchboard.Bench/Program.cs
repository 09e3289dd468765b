using Switchboard.Bench;
using Switchboard.Bench.Baseline;
using Switchboard.Bench.Report;
using Switchboard.Bench.Scenarios;
using Switchboard.Bench.Targets;

// bench/run <scenario> [switches]: see bench/README.md. Exit code 0 only when every run passed its checks.
var options = BenchOptions.Parse(args);
if (options.Command == "baseline-server")
{
    await BaselineServer.RunAsync(options.Rest);
    return 0;
}

Func<BenchOptions, BenchPaths, ResultBook, CancellationToken, Task>[] scenarios = options.Command switch
{
    "latency" => [EchoRoundTrip.RunAsync, ConversationLatency.RunAsync],
    "throughput" => [SustainedThroughput.RunAsync],
    "fanout" => [FanOut.RunAsync],
    "idle" => [IdleConnections.RunAsync],
    "coldstart" => [ColdStart.RunAsync],
    "search" => [SearchLatency.RunAsync],
    "all" or "smoke" => [EchoRoundTrip.RunAsync, ConversationLatency.RunAsync, SustainedThroughput.RunAsync, FanOut.RunAsync, IdleConnections.RunAsync, ColdStart.RunAsync],
    _ => [],
};
if (scenarios.Length == 0)
{
    Console.WriteLine("usage: bench/run latency|throughput|fanout|idle|coldstart|search|all|smoke [--smoke] [--db sqlite|postgres] [--runs N] ... (see bench/README.md)");
    return options.Command == "help" ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var paths = new BenchPaths(options.Output);
var book = new ResultBook(paths.Results);
var crashed = true;
try
{
    foreach (var scenario in scenarios) await scenario(options, paths, book, cancel.Token);
    crashed = false;
}
finally
{
    book.Print();
    Console.WriteLine();
    Console.WriteLine($"results: {book.Save(options.Command + "-" + options.Database)}");
    // Server logs and databases stay for a look when something went wrong.
    if (crashed || !book.Passed) Console.WriteLine($"server logs kept in {paths.Work}");
    else try { Directory.Delete(paths.Work, recursive: true); } catch (IOException) { }
}
var failed = book.Runs.Where(r => !r.Passed).ToList();
foreach (var r in failed) Console.WriteLine($"FAILED {r.Scenario} · {r.Target} · {r.Variant}: {string.Join("; ", ResultBook.Problems(r))}");
Console.WriteLine(failed.Count == 0 ? $"bench: {book.Runs.Count} runs passed (no loss, duplication or reordering)" : $"bench: {failed.Count} of {book.Runs.Count} runs FAILED");
return failed.Count == 0 ? 0 : 1;
