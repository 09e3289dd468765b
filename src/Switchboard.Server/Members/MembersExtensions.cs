namespace Switchboard.Server.Members;

public static class MembersExtensions
{
    public static WebApplicationBuilder AddMembers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MemberService>();
        builder.Services.AddSingleton<SessionService>();
        return builder;
    }
}
