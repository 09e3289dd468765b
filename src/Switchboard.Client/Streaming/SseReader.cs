namespace Switchboard.Client.Streaming;

/// <summary>
/// Splits a <c>text/event-stream</c> byte stream into events' data, without decoding to strings. Only <c>data:</c>
/// lines matter: <c>id:</c>, <c>event:</c>, <c>retry:</c> and <c>: comments</c> carry nothing the JSON frame does not.
/// </summary>
sealed class SseReader
{
    byte[] pending = new byte[8192];
    int start;
    int end;
    byte[] data = new byte[4096];
    int dataLength;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (start == end) start = end = 0;
        if (end + bytes.Length > pending.Length)
        {
            // Move the unread tail to the front, growing only when one line is bigger than the buffer.
            var unread = end - start;
            var target = unread + bytes.Length > pending.Length ? new byte[Math.Max(pending.Length * 2, unread + bytes.Length)] : pending;
            Buffer.BlockCopy(pending, start, target, 0, unread);
            (pending, start, end) = (target, 0, unread);
        }
        bytes.CopyTo(pending.AsSpan(end));
        end += bytes.Length;
    }

    /// <summary>The data of the next complete event; valid until the next call.</summary>
    public bool TryReadEvent(out ReadOnlyMemory<byte> eventData)
    {
        while (true)
        {
            var newline = pending.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0) break;
            var line = pending.AsSpan(start, newline);
            start += newline + 1;
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            if (line.Length == 0)
            {
                if (dataLength == 0) continue;
                eventData = data.AsMemory(0, dataLength);
                dataLength = 0;
                return true;
            }
            if (!line.StartsWith("data:"u8)) continue;
            line = line[5..];
            if (line.Length > 0 && line[0] == ' ') line = line[1..];
            // Several data: lines of one event join with a newline, as the EventSource standard says.
            var needed = dataLength + line.Length + (dataLength > 0 ? 1 : 0);
            if (needed > data.Length) Array.Resize(ref data, Math.Max(data.Length * 2, needed));
            if (dataLength > 0) data[dataLength++] = (byte)'\n';
            line.CopyTo(data.AsSpan(dataLength));
            dataLength += line.Length;
        }
        eventData = default;
        return false;
    }
}
