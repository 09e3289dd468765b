namespace Switchboard.Bench.Targets;

/// <summary>Where the built server and bench live, and where this run writes results, logs and databases.</summary>
public sealed class BenchPaths
{
    public BenchPaths(string resultsDirectory)
    {
        Repo = FindRepo(AppContext.BaseDirectory);
        ServerDll = Path.Combine(Repo, "src/Switchboard.Server/bin/Release/net10.0/Switchboard.Server.dll");
        BenchDll = Path.Combine(AppContext.BaseDirectory, "Switchboard.Bench.dll");
        Results = Path.GetFullPath(resultsDirectory);
        Directory.CreateDirectory(Results);
        Work = Directory.CreateTempSubdirectory("switchboard-bench-").FullName;
    }

    public string Repo { get; }
    public string ServerDll { get; }
    public string BenchDll { get; }
    public string Results { get; }
    /// <summary>Scratch space for databases, removed at the end of the run.</summary>
    public string Work { get; }

    int logs;

    public string LogFile(string name) => Path.Combine(Work, $"{name}-{Interlocked.Increment(ref logs)}.log");

    public string NewDataDirectory() => Directory.CreateDirectory(Path.Combine(Work, "data-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    static string FindRepo(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Switchboard.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Run the bench from inside the Switchboard repository (bench/run).");
    }
}
