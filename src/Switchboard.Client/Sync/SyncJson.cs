using System.Text.Json;

namespace Switchboard.Client.Sync;

/// <summary>The JSON settings of the wire: camelCase, case-insensitive reads.</summary>
public static class SyncJson
{
    /// <summary>Shared options for every request, response and event.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
