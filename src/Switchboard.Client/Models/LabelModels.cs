using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Client.Models;

/// <summary>A workspace label (team only): a name unique in the workspace regardless of case, a <c>#rrggbb</c> colour.</summary>
public sealed record LabelDto
{
    /// <summary>Label id.</summary>
    public long Id { get; init; }
    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";
    /// <summary><c>#rrggbb</c>, lower-case.</summary>
    public string Colour { get; init; } = "#808080";
    /// <summary>What the label is for, if said.</summary>
    public string? Description { get; init; }
    /// <summary>Entity version: a <c>label.updated</c> with a lower one than held is stale.</summary>
    public long Version { get; init; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// A conversation's label ids: ascending, distinct and compared by value, so conversation records stay equal when their
/// labels are. On the wire a JSON array of ids (null reads as none: a visitor's view carries no labels).
/// </summary>
[JsonConverter(typeof(LabelIdsJsonConverter))]
public sealed class LabelIds : IReadOnlyList<long>, IEquatable<LabelIds>
{
    readonly long[] ids;

    /// <summary>No labels.</summary>
    public static readonly LabelIds None = new([]);

    /// <summary>The set of <paramref name="ids"/>.</summary>
    public LabelIds(IEnumerable<long> ids) => this.ids = ids.Distinct().Order().ToArray();

    /// <inheritdoc/>
    public long this[int index] => ids[index];
    /// <inheritdoc/>
    public int Count => ids.Length;
    /// <inheritdoc/>
    public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)ids).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => ids.GetEnumerator();
    /// <inheritdoc/>
    public bool Equals(LabelIds? other) => other is not null && ids.AsSpan().SequenceEqual(other.ids);
    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LabelIds);
    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var id in ids) hash.Add(id);
        return hash.ToHashCode();
    }
    /// <inheritdoc/>
    public override string ToString() => $"[{string.Join(", ", ids)}]";
}

/// <summary>Reads and writes <see cref="LabelIds"/> as a JSON array of positive ids.</summary>
public sealed class LabelIdsJsonConverter : JsonConverter<LabelIds>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override LabelIds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return LabelIds.None;
        var ids = JsonSerializer.Deserialize<long[]>(ref reader, options) ?? [];
        return ids.Any(id => id <= 0) ? throw new JsonException("Label ids are positive.") : new LabelIds(ids);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, LabelIds value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var id in value) writer.WriteNumberValue(id);
        writer.WriteEndArray();
    }
}

/// <summary>The data of <c>label.deleted</c>.</summary>
public sealed record LabelDeletedDto(long Id, long Version);
