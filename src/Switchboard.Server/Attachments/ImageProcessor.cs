using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Switchboard.Server.Attachments;

/// <summary>
/// Images on upload, with SkiaSharp (docs/attachments.md says why): the pixel count is checked from the header before
/// anything is decoded (a decompression bomb is refused unexpanded), then PNG, JPEG and WebP are decoded, turned upright
/// by their EXIF orientation and re-encoded WITHOUT metadata (EXIF, GPS, XMP, comments: Skia's encoders write none),
/// with a WebP thumbnail. A GIF keeps its bytes (re-encoding would lose its animation) and reports its size. An image
/// that does not decode is refused.
/// </summary>
public sealed class ImageProcessor(IOptions<AttachmentOptions> options, AttachmentPaths paths)
{
    const int Quality = 90;
    const int ThumbnailQuality = 80;
    // A decoded image takes 4 bytes a pixel (160 MB at the 40 MP limit): decode few at a time.
    readonly SemaphoreSlim gate = new(Math.Max(1, Environment.ProcessorCount / 2));

    /// <summary>What processing produced; <c>OriginalPath</c> null: store the upload's bytes as they are (GIF).</summary>
    public sealed record Processed(int Width, int Height, string? OriginalPath, string? ThumbnailPath);

    public async Task<Processed> ProcessAsync(string path, string contentType, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => Process(path, contentType), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    Processed Process(string path, string contentType)
    {
        using var codec = SKCodec.Create(path) ?? throw Undecodable();
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0) throw Undecodable();
        if ((long)info.Width * info.Height > options.Value.MaxImagePixels)
            throw new AttachmentRejectedException(AttachmentErrors.ImageTooLarge, StatusCodes.Status413PayloadTooLarge,
                $"The image has {info.Width}×{info.Height} pixels; at most {options.Value.MaxImagePixels} are accepted.");
        if (contentType == "image/gif") return new Processed(info.Width, info.Height, null, null);

        using var decoded = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888,
            info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul));
        // Anything but a complete decode (a truncated or corrupt file) is refused rather than stored half grey.
        if (codec.GetPixels(decoded.Info, decoded.GetPixels()) != SKCodecResult.Success) throw Undecodable();
        using var upright = ImageOrientation.Apply(decoded, codec.EncodedOrigin);
        var bitmap = upright ?? decoded;

        string? original = null, thumbnail = null;
        try
        {
            original = Encode(bitmap, contentType switch
            {
                "image/png" => SKEncodedImageFormat.Png,
                "image/webp" => SKEncodedImageFormat.Webp,
                _ => SKEncodedImageFormat.Jpeg,
            }, Quality);
            thumbnail = Thumbnail(bitmap);
            return new Processed(bitmap.Width, bitmap.Height, original, thumbnail);
        }
        catch
        {
            if (original is not null) SpooledUpload.TryDelete(original);
            if (thumbnail is not null) SpooledUpload.TryDelete(thumbnail);
            throw;
        }
    }

    string Thumbnail(SKBitmap bitmap)
    {
        var max = options.Value.ThumbnailSize;
        var scale = Math.Min(1.0, (double)max / Math.Max(bitmap.Width, bitmap.Height));
        if (scale >= 1.0) return Encode(bitmap, SKEncodedImageFormat.Webp, ThumbnailQuality);
        var size = new SKSizeI(Math.Max(1, (int)Math.Round(bitmap.Width * scale)), Math.Max(1, (int)Math.Round(bitmap.Height * scale)));
        using var small = bitmap.Resize(size, new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw Undecodable();
        return Encode(small, SKEncodedImageFormat.Webp, ThumbnailQuality);
    }

    string Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        var path = paths.NewTempFile();
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            if (!bitmap.Encode(file, format, quality)) throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
        }
        return path;
    }

    static AttachmentRejectedException Undecodable() => AttachmentRejectedException.TypeNotAllowed("The image could not be decoded.");
}
