using SkiaSharp;

namespace Switchboard.Server.Attachments;

/// <summary>Turns a decoded image upright by its EXIF orientation (the eight cases of the EXIF standard), since the stored copy carries no EXIF any more.</summary>
static class ImageOrientation
{
    /// <summary>A new upright bitmap, or null when the image already is upright.</summary>
    public static SKBitmap? Apply(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or (SKEncodedOrigin)0) return null;
        var (w, h) = (source.Width, source.Height);
        // The matrix maps a stored pixel (x, y) to where it shows: [a b c; d e f].
        var (a, b, c, d, e, f) = origin switch
        {
            SKEncodedOrigin.TopRight => (-1f, 0f, (float)w, 0f, 1f, 0f),        // mirrored
            SKEncodedOrigin.BottomRight => (-1f, 0f, (float)w, 0f, -1f, (float)h), // rotated 180°
            SKEncodedOrigin.BottomLeft => (1f, 0f, 0f, 0f, -1f, (float)h),        // flipped
            SKEncodedOrigin.LeftTop => (0f, 1f, 0f, 1f, 0f, 0f),                   // transposed
            SKEncodedOrigin.RightTop => (0f, -1f, (float)h, 1f, 0f, 0f),          // to turn 90° clockwise
            SKEncodedOrigin.RightBottom => (0f, -1f, (float)h, -1f, 0f, (float)w), // transversed
            SKEncodedOrigin.LeftBottom => (0f, 1f, 0f, -1f, 0f, (float)w),        // to turn 90° anticlockwise
            _ => (1f, 0f, 0f, 0f, 1f, 0f),
        };
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var upright = new SKBitmap(new SKImageInfo(swap ? h : w, swap ? w : h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(new SKMatrix(a, b, c, d, e, f, 0, 0, 1));
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        canvas.Flush();
        return upright;
    }
}
