namespace Switchboard.Cluster.Tests.Infrastructure;

/// <summary>Where the server's build output is: the same configuration (Release or Debug) as this test's.</summary>
static class RepositoryPaths
{
    public static string ServerDll()
    {
        var testOutput = AppContext.BaseDirectory;
        var configuration = testOutput.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var root = new DirectoryInfo(testOutput);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Switchboard.slnx"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Switchboard.slnx not found above " + testOutput);
        var dll = Path.Combine(root.FullName, "src", "Switchboard.Server", "bin", configuration, "net10.0", "Switchboard.Server.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"Build the solution first: {dll} is missing.");
    }
}
