using System.Text.Json;
using Switchboard.Core;

namespace Switchboard.Server.Contacts;

/// <summary>
/// A contact's custom attributes, set by the host page (<c>PUT /api/v1/widget/attributes</c>): a flat object of string,
/// number or boolean values, at most <see cref="MaxKeys"/> keys of <see cref="MaxKeyLength"/> characters and values of
/// <see cref="MaxValueLength"/>. A new set merges into the stored one; a null value removes its key.
/// </summary>
public static class ContactAttributes
{
    public const int MaxKeys = 50;
    public const int MaxKeyLength = 50;
    public const int MaxValueLength = 500;
    const string Code = "attributes_invalid";

    public static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Merges <paramref name="changes"/> into <paramref name="stored"/> (JSON or null) and returns the JSON to store.</summary>
    public static string Merge(string? stored, IReadOnlyDictionary<string, JsonElement>? changes)
    {
        if (changes is null || changes.Count == 0) throw new DomainException(Code, "attributes must be an object with at least one key.", DomainErrorKind.Invalid);
        var merged = stored is null ? new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(stored) ?? new(StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (key.Trim().Length == 0 || key.Length > MaxKeyLength)
                throw new DomainException(Code, $"Attribute names must be 1 to {MaxKeyLength} characters.", DomainErrorKind.Invalid);
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    merged.Remove(key);
                    break;
                case JsonValueKind.String when value.GetString()!.Length > MaxValueLength:
                    throw new DomainException(Code, $"Attribute {key}: values must be at most {MaxValueLength} characters.", DomainErrorKind.Invalid);
                case JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    if (value.GetRawText().Length > MaxValueLength)
                        throw new DomainException(Code, $"Attribute {key}: values must be at most {MaxValueLength} characters.", DomainErrorKind.Invalid);
                    merged[key] = value.Clone();
                    break;
                default:
                    throw new DomainException(Code, $"Attribute {key}: values must be strings, numbers or booleans.", DomainErrorKind.Invalid);
            }
        }
        if (merged.Count > MaxKeys) throw new DomainException(Code, $"A contact has at most {MaxKeys} attributes.", DomainErrorKind.Invalid);
        return JsonSerializer.Serialize(merged);
    }
}
