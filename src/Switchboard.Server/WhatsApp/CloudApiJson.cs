using System.Text.Json;

namespace Switchboard.Server.WhatsApp;

/// <summary>JSON settings for the Cloud API's snake_case, tolerant of anything extra.</summary>
public static class CloudApiJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };
}
