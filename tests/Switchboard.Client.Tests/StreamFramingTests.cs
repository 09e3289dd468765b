using System.Text;
using Switchboard.Client.Streaming;

namespace Switchboard.Client.Tests;

/// <summary>The byte-level SSE splitter and the frame header reader the transports and the bench rely on.</summary>
public sealed class StreamFramingTests
{
    static List<string> Split(params string[] chunks)
    {
        var reader = new SseReader();
        var events = new List<string>();
        foreach (var chunk in chunks)
        {
            reader.Append(Encoding.UTF8.GetBytes(chunk));
            while (reader.TryReadEvent(out var data)) events.Add(Encoding.UTF8.GetString(data.Span));
        }
        return events;
    }

    [Fact]
    public void SseEventsSplitAcrossChunksComeOutWhole() =>
        Assert.Equal(["{\"seq\":1}", "{\"seq\":2,\"text\":\"ünïcödé\"}"],
            Split("retry: 3000\n\nid: 1\nda", "ta: {\"seq\":1}\n", "\nid: 2\r\nevent: message.created\r\ndata: {\"seq\":2,\"text\":\"ünï", "cödé\"}\r\n\r\n"));

    [Fact]
    public void SseCommentsAndFieldsWithoutDataMakeNoEvent() =>
        Assert.Empty(Split(": ping\n\n", "id: 7\nevent: x\n\n"));

    [Fact]
    public void SseDataLinesOfOneEventJoinWithNewlines() =>
        Assert.Equal(["a\nb"], Split("data: a\ndata:b\n\n"));

    [Fact]
    public void SseEventLargerThanTheBufferSurvives()
    {
        var big = new string('x', 50_000);
        Assert.Equal([big], Split("data: " + big[..20_000], big[20_000..] + "\n\n"));
    }

    [Theory]
    [InlineData("{\"seq\":42,\"type\":\"message.created\",\"data\":{\"seq\":1}}", 42L, "message.created")]
    [InlineData("{\"data\":{\"seq\":1,\"type\":\"inner\"},\"type\":\"typing\"}", null, "typing")]
    [InlineData("{\"type\":\"ping\"}", null, "ping")]
    [InlineData("[1,2]", null, null)]
    [InlineData("{\"seq\":", null, null)]
    [InlineData("{\"seq\":\"7\",\"type\":3}", null, null)]
    public void FrameHeaderReadsOnlyTopLevelSeqAndType(string json, long? seq, string? type) =>
        Assert.Equal(new FrameHeader(seq, type), FrameHeader.Read(Encoding.UTF8.GetBytes(json)));
}
