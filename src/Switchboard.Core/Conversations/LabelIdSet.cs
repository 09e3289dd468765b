using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Switchboard.Core.Conversations;

/// <summary>
/// A conversation's label ids: ascending, distinct, compared by value, so conversation snapshots (records) that carry them
/// stay equal when their contents are. On the wire, a plain JSON array of ids.
/// </summary>
[JsonConverter(typeof(LabelIdSetJsonConverter))]
public sealed class LabelIdSet : IReadOnlyList<long>, IEquatable<LabelIdSet>
{
    readonly long[] ids;

    public static readonly LabelIdSet Empty = new([]);

    public LabelIdSet(IEnumerable<long> ids) => this.ids = ids.Distinct().Order().ToArray();

    public long this[int index] => ids[index];
    public int Count => ids.Length;
    public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)ids).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => ids.GetEnumerator();

    public bool Equals(LabelIdSet? other) => other is not null && ids.AsSpan().SequenceEqual(other.ids);
    public override bool Equals(object? obj) => Equals(obj as LabelIdSet);
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var id in ids) hash.Add(id);
        return hash.ToHashCode();
    }

    public override string ToString() => $"[{string.Join(", ", ids)}]";
}

public sealed class LabelIdSetJsonConverter : JsonConverter<LabelIdSet>
{
    public override LabelIdSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize<long[]>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, LabelIdSet value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var id in value) writer.WriteNumberValue(id);
        writer.WriteEndArray();
    }
}
