using System.Text;
using SkiaSharp;

namespace Switchboard.Server.Tests.WhatsApp;

/// <summary>Small files of the types the attachment allow-list takes, made in the test (no binary fixtures).</summary>
public static class MediaSamples
{
    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(30, 90, 200));
        bitmap.SetPixel(0, 0, SKColors.Red);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The decoded pixels (an image may be re-encoded on storing; what it shows must not change).</summary>
    public static (int Width, int Height, string Pixels) Pixels(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        return (bitmap.Width, bitmap.Height, Convert.ToHexString(bitmap.Bytes));
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
