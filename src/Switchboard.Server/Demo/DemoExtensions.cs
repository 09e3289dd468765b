namespace Switchboard.Server.Demo;

public static class DemoExtensions
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration("Demo");
        builder.Services.AddSingleton<DemoSeeder>();
        // Hosted services start in registration order: AddDemo comes right after AddStorage in Program.cs.
        builder.Services.AddHostedService<DemoSeedingService>();
        return builder;
    }
}
