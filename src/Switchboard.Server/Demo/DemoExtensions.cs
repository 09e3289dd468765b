namespace Switchboard.Server.Demo;

public static class DemoExtensions
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration("Demo");
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddSingleton<Workspaces.WorkspaceProvisioner>();
        return builder;
    }
}
