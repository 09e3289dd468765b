using System.Net;
using System.Net.Http.Headers;

namespace Switchboard.Client.Attachments;

/// <summary>
/// A file as a request body, streamed (never buffered whole) in chunks like <see cref="StreamContent"/>, and reporting the
/// share sent to its progress listener. Disposes the stream with the content unless told to leave it open.
/// </summary>
sealed class UploadContent : HttpContent
{
    const int ChunkSize = 81920;
    readonly Stream content;
    readonly IProgress<double>? progress;
    readonly bool leaveOpen;

    public UploadContent(Stream content, string contentType, IProgress<double>? progress, bool leaveOpen = false)
    {
        this.content = content;
        this.progress = progress;
        this.leaveOpen = leaveOpen;
        // The declared type is only a hint: the server sniffs the bytes.
        Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var length = content.CanSeek ? content.Length - content.Position : -1;
        var buffer = new byte[ChunkSize];
        long sent = 0;
        double reported = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            sent += read;
            // Whole percents: a view need not redraw for every chunk of a large file.
            var share = length > 0 ? Math.Min(1, (double)sent / length) : 0;
            if (share - reported < 0.01 && share < 1) continue;
            reported = share;
            progress?.Report(share);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        // A known length lets the server refuse a file over its limit before reading it (413 from Content-Length).
        length = content.CanSeek ? content.Length - content.Position : -1;
        return content.CanSeek;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) content.Dispose();
        base.Dispose(disposing);
    }
}
