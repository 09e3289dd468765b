using System.Text.Json;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Where the dashboard and the widget bundles are, whatever folder the server was started from. ASP.NET Core looks
/// for <c>wwwroot</c> under the current folder only, so <c>dotnet /opt/switchboard/Switchboard.Server.dll</c> started
/// by a service manager elsewhere would serve no widget and no dashboard. Looked for in order: the current folder
/// (<c>dotnet run</c>, or a start from the publish folder), the folder of the server's assembly (a published
/// server), and the project's own <c>wwwroot</c> recorded by the build in its static web assets manifest (a server
/// built from source and started from anywhere).
/// </summary>
public static class WebRoot
{
    const string Folder = "wwwroot";

    /// <summary>The web root to use, or null to keep ASP.NET Core's default (also when it was set on the command line).</summary>
    public static string? Find(string[] args) => Find(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    public static string? Find(string[] args, string currentDirectory, string assemblyDirectory)
    {
        if (args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase) || a.Contains("webroot", StringComparison.OrdinalIgnoreCase)))
            return null;
        if (Directory.Exists(Path.Combine(currentDirectory, Folder))) return null;
        var besideAssembly = Path.Combine(assemblyDirectory, Folder);
        if (Directory.Exists(besideAssembly)) return besideAssembly;
        return FromBuildManifest(assemblyDirectory);
    }

    static string? FromBuildManifest(string assemblyDirectory)
    {
        var manifest = Path.Combine(assemblyDirectory, typeof(WebRoot).Assembly.GetName().Name + ".staticwebassets.runtime.json");
        if (!File.Exists(manifest)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
            // The first content root is the project's wwwroot; the others hold the build's compressed copies.
            var roots = document.RootElement.GetProperty("ContentRoots");
            var root = roots.GetArrayLength() > 0 ? roots[0].GetString() : null;
            return root is not null && Directory.Exists(root) ? root : null;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return null; // an unreadable manifest: the default web root, as before
        }
    }
}
