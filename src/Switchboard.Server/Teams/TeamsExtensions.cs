using Switchboard.Server.Realtime;

namespace Switchboard.Server.Teams;

public static class TeamsExtensions
{
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TeamService>();
        builder.Services.AddSingleton<IStreamScopes, TeamStreamScopes>();
        return builder;
    }
}
