using System.Collections.Concurrent;
using System.Text.Json;
using Switchboard.Core;

namespace Switchboard.Server.Common;

/// <summary>Enums as stored and sent: snake_case (<c>waiting_customer</c>), the same as their JSON.</summary>
public static class EnumText
{
    static readonly ConcurrentDictionary<Type, Dictionary<string, object>> ByText = new();

    public static string ToText<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new InvalidOperationException($"Stored {typeof(T).Name} '{text}' is unknown.");

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        var map = ByText.GetOrAdd(typeof(T), static _ => Enum.GetValues<T>().ToDictionary(v => ToText(v), v => (object)v, StringComparer.Ordinal));
        if (text is not null && map.TryGetValue(text, out var found))
        {
            value = (T)found;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Parses a client-supplied value or refuses it with a 400 naming the field and the allowed values.</summary>
    public static T ParseInput<T>(string? text, string field) where T : struct, Enum =>
        TryParse<T>(text, out var value)
            ? value
            : throw new DomainException($"{JsonNamingPolicy.SnakeCaseLower.ConvertName(field)}_invalid",
                $"{field} must be one of: {string.Join(", ", Enum.GetValues<T>().Select(v => ToText(v)))}.", DomainErrorKind.Invalid);
}
