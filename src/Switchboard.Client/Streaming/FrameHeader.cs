using System.Text.Json;

namespace Switchboard.Client.Streaming;

/// <summary>
/// The top-level <c>seq</c> and <c>type</c> of one stream frame, read without building a document: enough to
/// route, order and count frames (the benchmark's receivers and the WebSocket transport's ping check use it).
/// </summary>
public readonly record struct FrameHeader(long? Seq, string? Type)
{
    /// <summary>Reads the header of a UTF-8 JSON frame; a frame that is not a JSON object gives an empty header.</summary>
    public static FrameHeader Read(ReadOnlySpan<byte> utf8)
    {
        long? seq = null;
        string? type = null;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSeq = reader.ValueTextEquals("seq"u8);
                var isType = !isSeq && reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isSeq && reader.TokenType == JsonTokenType.Number) seq = reader.GetInt64();
                else if (isType && reader.TokenType == JsonTokenType.String) type = KnownType(ref reader);
                else reader.Skip();
                // The server writes seq and type first, so most frames stop here without reading their payload.
                if (seq is not null && type is not null) break;
            }
        }
        catch (JsonException)
        {
            return default;
        }
        return new FrameHeader(seq, type);
    }

    // The hot types come back as shared strings, so reading a header allocates nothing for them.
    static string KnownType(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("message.created"u8) ? "message.created"
        : reader.ValueTextEquals("conversation.updated"u8) ? "conversation.updated"
        : reader.ValueTextEquals("ping"u8) ? "ping"
        : reader.ValueTextEquals("cursor"u8) ? "cursor"
        : reader.GetString()!;
}
