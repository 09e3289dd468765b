using System.Text;
using SkiaSharp;

namespace Switchboard.Server.Tests.WhatsApp;

/// <summary>What the attachments tests' <c>TestFiles</c> do not make (an Ogg file), and how to compare images that storing re-encodes.</summary>
public static class MediaSamples
{
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
