using Switchboard.Server.Hosting;

namespace Switchboard.Server.Tests.Api;

/// <summary>A server started from any folder finds the dashboard and the widget (a service manager rarely starts it in the project folder).</summary>
public sealed class WebRootTests
{
    [Fact]
    public void StartedFromAnotherFolderABuildFromSourceServesTheProjectsWebRoot()
    {
        var elsewhere = Directory.CreateTempSubdirectory("sb-cwd-").FullName;
        try
        {
            var root = WebRoot.Find([], elsewhere, AppContext.BaseDirectory);
            Assert.NotNull(root);
            Assert.Equal("wwwroot", new DirectoryInfo(root).Name);
            Assert.Equal("Switchboard.Server", new DirectoryInfo(root).Parent!.Name);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void APublishedServerUsesTheWebRootBesideItsAssembly()
    {
        var published = Directory.CreateTempSubdirectory("sb-publish-").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("sb-cwd-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(published, "wwwroot"));
            Assert.Equal(Path.Combine(published, "wwwroot"), WebRoot.Find([], elsewhere, published));
        }
        finally
        {
            Directory.Delete(published, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void TheCurrentFolderOrAnExplicitContentRootKeepsTheDefault()
    {
        var project = Directory.CreateTempSubdirectory("sb-project-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(project, "wwwroot"));
            Assert.Null(WebRoot.Find([], project, AppContext.BaseDirectory));
            Assert.Null(WebRoot.Find(["--contentRoot=/srv/switchboard"], Path.GetTempPath(), AppContext.BaseDirectory));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }
}
