namespace Switchboard.Server.Members;

public static class MembersExtensions
{
    public static WebApplicationBuilder AddMembers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MemberService>();
        return builder;
    }
}
