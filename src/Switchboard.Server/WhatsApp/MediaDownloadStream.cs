using System.Security.Cryptography;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// The bytes of a media download as they arrive, refused part way (an exception from a read, so whoever stores them
/// keeps nothing) when they exceed the size bound, and at their end when they are not what Meta announced: another
/// length or another SHA-256 (hex or base64). A cut-off transfer thus never becomes a ready attachment.
/// </summary>
public sealed class MediaDownloadStream(Stream inner, IDisposable owner, long? expectedSize, string? expectedSha256, long maxBytes) : Stream
{
    readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    long read;
    bool checkedEnd;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(buffer, inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int n;
        try
        {
            n = await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new WhatsAppMediaException($"cut off after {read} bytes ({ex.GetType().Name})", permanent: false);
        }
        return Count(buffer.Span, n);
    }

    int Count(ReadOnlySpan<byte> buffer, int n)
    {
        if (n == 0)
        {
            CheckEnd();
            return 0;
        }
        read += n;
        if (read > maxBytes) throw new WhatsAppMediaException($"the file is larger than {maxBytes} bytes", permanent: true);
        hash.AppendData(buffer[..n]);
        return n;
    }

    void CheckEnd()
    {
        if (checkedEnd) return;
        checkedEnd = true;
        if (expectedSize is { } size && size != read) throw new WhatsAppMediaException($"got {read} of {size} bytes", permanent: false);
        if (string.IsNullOrWhiteSpace(expectedSha256)) return;
        var actual = hash.GetHashAndReset();
        if (!string.Equals(expectedSha256, Convert.ToHexString(actual), StringComparison.OrdinalIgnoreCase)
            && !string.Equals(expectedSha256, Convert.ToBase64String(actual), StringComparison.Ordinal))
            throw new WhatsAppMediaException("the bytes do not match the SHA-256 Meta announced", permanent: false);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            owner.Dispose();
            hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
