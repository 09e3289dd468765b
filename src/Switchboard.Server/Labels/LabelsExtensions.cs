namespace Switchboard.Server.Labels;

public static class LabelsExtensions
{
    public static WebApplicationBuilder AddLabels(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LabelService>();
        builder.Services.AddSingleton<ConversationLabelService>();
        builder.Services.AddSingleton<LabelStatsService>();
        return builder;
    }
}
