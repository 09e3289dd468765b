using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Switchboard.Server.Tests.Attachments;

/// <summary>Small files of each kind the tests upload, made on the spot.</summary>
public static class TestFiles
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            // A mark in the top-left corner, so a test can see which way up the stored image is.
            using var paint = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, Math.Max(1, width / 4), Math.Max(1, height / 4), paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>The GPS latitude the EXIF block carries (52° 31' 12.34"), as its rational bytes: found in a file, the location leaked.</summary>
    public static readonly byte[] LatitudeBytes = Rationals((52, 1), (31, 1), (1234, 100));

    /// <summary>
    /// A JPEG with an EXIF (APP1) block inserted after its start marker: orientation 6 (turn 90° clockwise to show)
    /// and a GPS IFD with a latitude, the metadata a phone photo carries.
    /// </summary>
    public static byte[] JpegWithGps(int width, int height)
    {
        var jpeg = Jpeg(width, height);
        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(U32(8));                        // IFD0 at 8
        tiff.AddRange(U16(2));                        // two entries
        tiff.AddRange(Entry(0x0112, 3, 1, 6));        // Orientation = 6
        tiff.AddRange(Entry(0x8825, 4, 1, 38));       // GPS IFD at 8 + 2 + 24 + 4 = 38
        tiff.AddRange(U32(0));
        tiff.AddRange(U16(2));                        // GPS IFD: two entries
        tiff.AddRange(Entry(0x0001, 2, 2, 'N'));      // GPSLatitudeRef = "N"
        tiff.AddRange(Entry(0x0002, 5, 3, 68));       // GPSLatitude at 38 + 2 + 24 + 4 = 68
        tiff.AddRange(U32(0));
        tiff.AddRange(LatitudeBytes);
        var app1 = new List<byte> { 0xFF, 0xE1 };
        app1.AddRange(U16BigEndian(2 + 6 + tiff.Count));
        app1.AddRange("Exif\0\0"u8.ToArray());
        app1.AddRange(tiff);
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    static byte[] Entry(ushort tag, ushort type, uint count, uint value) => [.. U16(tag), .. U16(type), .. U32(count), .. U32(value)];

    static byte[] Rationals(params (uint Numerator, uint Denominator)[] values) => values.SelectMany(v => U32(v.Numerator).Concat(U32(v.Denominator))).ToArray();

    static byte[] U16(ushort v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        return b;
    }

    static byte[] U16BigEndian(int v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v);
        return b;
    }

    static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
