using System.Text;
using SkiaSharp;

namespace Switchboard.Server.Tests.WhatsApp;

/// <summary>Small files of the types the attachment allow-list takes, made in the test (no binary fixtures).</summary>
public static class MediaSamples
{
    public static byte[] Png(int width, int height) => Image(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height) => Image(width, height, SKEncodedImageFormat.Jpeg);

    static byte[] Image(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(30, 90, 200));
        using var data = bitmap.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>
    /// What an image shows, roughly: its size and its centre pixel's colour in steps of 16. Stored images are re-encoded
    /// without metadata, so their bytes differ from the upload's by design; what they show must not.
    /// </summary>
    public static (int Width, int Height, int R, int G, int B) Looks(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        var centre = bitmap.GetPixel(bitmap.Width / 2, bitmap.Height / 2);
        return (bitmap.Width, bitmap.Height, (centre.Red + 8) / 16, (centre.Green + 8) / 16, (centre.Blue + 8) / 16);
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>An Ogg page header followed by an Opus head: enough for a sniffer that reads the first bytes.</summary>
    public static byte[] Ogg()
    {
        var bytes = new byte[200];
        Encoding.ASCII.GetBytes("OggS").CopyTo(bytes, 0);
        bytes[5] = 2;
        Encoding.ASCII.GetBytes("OpusHead").CopyTo(bytes, 28);
        return bytes;
    }
}
