namespace Switchboard.Server.Widget;

public static class WidgetExtensions
{
    public static WebApplicationBuilder AddWidget(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WidgetService>();
        return builder;
    }
}
