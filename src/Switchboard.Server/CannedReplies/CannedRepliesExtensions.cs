namespace Switchboard.Server.CannedReplies;

public static class CannedRepliesExtensions
{
    public static WebApplicationBuilder AddCannedReplies(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CannedReplyService>();
        return builder;
    }
}
