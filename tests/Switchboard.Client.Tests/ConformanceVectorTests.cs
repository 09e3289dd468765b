using System.Text.Json.Nodes;

namespace Switchboard.Client.Tests;

/// <summary>Every vector in spec/sync, run against the .NET live store.</summary>
public sealed class ConformanceVectorTests
{
    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SpecFolder, "*.json").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory, MemberData(nameof(Vectors))]
    public void VectorPasses(string file) =>
        VectorRunner.Run(JsonNode.Parse(File.ReadAllText(Path.Combine(SpecFolder, file)))!.AsObject());

    [Fact]
    public void ThereAreAtLeastFortyVectors() => Assert.True(Directory.GetFiles(SpecFolder, "*.json").Length >= 40);

    static string SpecFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Switchboard.slnx"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found."), "spec", "sync");
        }
    }
}
