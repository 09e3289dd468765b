using System.Globalization;
using System.Text;

namespace Switchboard.Bench.Baseline;

/// <summary>A message serialized once per transport: the WebSocket frame and the SSE event.</summary>
public sealed record BaselineFrame(byte[] Json, byte[] Sse)
{
    public static BaselineFrame Of(long seq, byte[] json)
    {
        var head = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"id: {seq}\ndata: "));
        return new BaselineFrame(json, [.. head, .. json, (byte)'\n', (byte)'\n']);
    }
}
