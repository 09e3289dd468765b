using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Attachments;

/// <summary>
/// A host with its own attachments folder (temp files and, on SQLite, the blobs), a workspace without the bot, and a
/// visitor with a conversation. The folder is known, so a test can check that nothing is left in <c>tmp/</c>.
/// </summary>
public sealed class AttachmentEnv : IAsyncDisposable
{
    AttachmentEnv(TestApp app, TestWorkspace workspace, TestVisitor visitor, string folder) => (App, Workspace, Visitor, Folder) = (app, workspace, visitor, folder);

    public TestApp App { get; }
    public TestWorkspace Workspace { get; }
    public TestVisitor Visitor { get; }
    public string Folder { get; }
    public string TempFolder => Path.Combine(Folder, "tmp");

    public static async Task<AttachmentEnv> StartAsync(DatabaseKind db, TimeProvider? clock = null, Dictionary<string, string?>? extra = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sb-attachments-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>(extra ?? []) { ["Attachments:DataDirectory"] = folder };
        var app = await TestApp.StartAsync(db, extra: settings, configureServices: s =>
        {
            if (clock is not null) s.AddSingleton(clock);
            configureServices?.Invoke(s);
        });
        var ws = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { BotEnabled = false });
        return new AttachmentEnv(app, ws, await ws.NewVisitorAsync(), folder);
    }

    /// <summary>Files left in the temp folder (none once every upload has finished, whatever became of it).</summary>
    public IReadOnlyList<string> TempFiles => Directory.Exists(TempFolder) ? Directory.GetFiles(TempFolder) : [];

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        try { Directory.Delete(Folder, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
