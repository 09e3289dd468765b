namespace Switchboard.Server.Transcripts;

public static class TranscriptsExtensions
{
    public static WebApplicationBuilder AddTranscripts(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TranscriptService>();
        return builder;
    }
}
