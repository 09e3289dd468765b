using Switchboard.Server.EventLog;

namespace Switchboard.Server.Workspaces;

public static class WorkspacesExtensions
{
    public static WebApplicationBuilder AddWorkspaces(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WorkspaceProvisioner>();
        builder.Services.AddSingleton<IEventRetention, WorkspaceEventRetention>();
        return builder;
    }
}
