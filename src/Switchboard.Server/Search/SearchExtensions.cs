namespace Switchboard.Server.Search;

public static class SearchExtensions
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchService>();
        return builder;
    }
}
