using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Switchboard.Bench.Load;

namespace Switchboard.Bench.Targets;

/// <summary>
/// A server under test in its own process (client and server share the box, never a process), with the time from
/// process start to its first healthy <c>/healthz</c>, and its resident memory read from /proc.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    readonly Process process;

    ServerProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int Pid => process.Id;
    public double StartupMs { get; private set; }

    /// <param name="openFiles">When set, the process runs with this open-files limit (ulimit -n), below the machine's.</param>
    public static async Task<ServerProcess> StartAsync(string logPath, string[] command, IDictionary<string, string> environment,
        int port, int? openFiles, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        // exec keeps the pid: the shell only lowers the limit and becomes the server.
        var limit = openFiles is { } n ? string.Create(CultureInfo.InvariantCulture, $"ulimit -n {n} && ") : "";
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(limit + "exec \"$@\"");
        info.ArgumentList.Add("server");
        foreach (var part in command) info.ArgumentList.Add(part);
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var started = Clock.Now;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + command[0]);
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        server.StartupMs = await server.WaitHealthyAsync(started, logPath, cancellationToken);
        return server;
    }

    /// <summary>Runs a one-off command (such as the server's <c>workspace create</c>) to its end; a non-zero exit throws with its output.</summary>
    public static async Task RunToEndAsync(string[] command, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var part in command[1..]) info.ArgumentList.Add(part);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + command[0]);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', command[..4])} exited with {process.ExitCode}: {await errors}{await output}");
    }

    async Task<double> WaitHealthyAsync(long started, string logPath, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Clock.Now + TimeSpan.FromSeconds(60).Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
        while (Clock.Now < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The server exited with {process.ExitCode}; see {logPath}.");
            try
            {
                using var response = await http.GetAsync("/healthz", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return Clock.Ms(started, Clock.Now);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but busy starting (the demo's first bot turn loads the embedding model): ask again.
            }
            // Polling is the measurement here: 5 ms granularity on a start of hundreds of milliseconds.
            await Task.Delay(5, cancellationToken);
        }
        throw new TimeoutException($"The server did not become healthy within 60 s; see {logPath}.");
    }

    /// <summary>Resident set size in bytes (VmRSS).</summary>
    public long ResidentBytes() => ReadRss(process.Id);

    public static long ReadRss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
        return 0;
    }

    /// <summary>CPU time the process has used so far, user and system (from /proc).</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    public bool HasExited => process.HasExited;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
