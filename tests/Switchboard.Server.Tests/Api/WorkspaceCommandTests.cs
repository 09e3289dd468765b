using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Tests.Api;

/// <summary>The hosting operator's <c>workspace create</c> command: a new team's workspace, usable at once; bad input changes nothing.</summary>
public sealed class WorkspaceCommandTests
{
    [Theory, BothDatabases]
    public async Task WorkspaceCreateMakesAWorkspaceWhoseAdminSignsInAndWhoseWidgetInboxWorks(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var (code, output, errors) = await RunAsync(app, "workspace", "create", "--name", "Acme", "--admin-email", "Boss@Acme.test", "--admin-password", "a-long-password");
        Assert.True(code == 0, errors);
        using var created = JsonDocument.Parse(output);
        Assert.Equal("boss@acme.test", created.RootElement.GetProperty("adminEmail").GetString());

        using var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "boss@acme.test", password = "a-long-password" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var widget = await client.PostAsJsonAsync("/api/v1/widget/sessions",
            new { inboxToken = created.RootElement.GetProperty("widgetToken").GetString(), name = "Visitor" });
        Assert.True(widget.IsSuccessStatusCode, await widget.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task WorkspaceCreateRefusesBadInputAndAnEmailThatAlreadySignsInWithoutCreatingAnything(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        Assert.Equal(0, (await RunAsync(app, "workspace", "create", "--name", "First", "--admin-email", "taken@acme.test", "--admin-password", "a-long-password")).Code);
        var count = await WorkspaceCountAsync(app);

        var taken = await RunAsync(app, "workspace", "create", "--name", "Second", "--admin-email", "TAKEN@acme.test", "--admin-password", "a-long-password");
        Assert.Equal(2, taken.Code);
        Assert.Contains("already signs in", taken.Errors);
        Assert.Equal(2, (await RunAsync(app, "workspace", "create", "--name", " ", "--admin-email", "x@acme.test", "--admin-password", "a-long-password")).Code);
        Assert.Equal(2, (await RunAsync(app, "workspace", "create", "--name", "X", "--admin-email", "not-an-email", "--admin-password", "a-long-password")).Code);
        Assert.Equal(2, (await RunAsync(app, "workspace", "create", "--name", "X", "--admin-email", "x@acme.test", "--admin-password", "short")).Code);
        Assert.Equal(2, (await RunAsync(app, "workspace", "delete")).Code);
        Assert.Equal(count, await WorkspaceCountAsync(app));
    }

    static async Task<(int Code, string Output, string Errors)> RunAsync(TestApp app, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await WorkspaceCommand.RunAsync(app.Services, args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    static async Task<long> WorkspaceCountAsync(TestApp app)
    {
        await using var connection = await app.Database.OpenAsync(CancellationToken.None);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM workspaces");
    }
}
