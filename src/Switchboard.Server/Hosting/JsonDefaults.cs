using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Server.Hosting;

/// <summary>One set of JSON settings for HTTP bodies and stored events, so both read the same on the client.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        // A request naming a property twice or carrying a number for a string is refused, not guessed at.
        options.AllowDuplicateProperties = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        return options;
    }
}
