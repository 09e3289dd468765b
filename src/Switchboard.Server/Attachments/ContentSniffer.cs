using System.IO.Compression;
using System.Text;

namespace Switchboard.Server.Attachments;

/// <summary>
/// Decides an upload's type from its bytes alone (the name and the declared type are not trusted), against the
/// allow-list of docs/attachments.md. Anything it does not recognise is refused: HTML, SVG and XML (they run script in
/// a browser), executables, scripts, unknown binaries.
/// </summary>
public static class ContentSniffer
{
    public const int HeadLength = 512;

    public static readonly IReadOnlySet<string> Images = new HashSet<string>(StringComparer.Ordinal) { "image/png", "image/jpeg", "image/gif", "image/webp" };

    static readonly Dictionary<string, string> Ooxml = new(StringComparer.Ordinal)
    {
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    static readonly HashSet<string> VideoBrands = new(StringComparer.Ordinal)
        { "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V ", "MSNV", "f4v " };

    static readonly HashSet<string> AudioBrands = new(StringComparer.Ordinal) { "M4A ", "M4B ", "M4P " };

    // Text whose name says it would run or render as markup once saved and opened: refused even when it sniffs as text.
    static readonly HashSet<string> ActiveExtensions = new(StringComparer.Ordinal)
        { "html", "htm", "xhtml", "shtml", "svg", "svgz", "xml", "xsl", "js", "mjs", "hta", "sh", "bash", "bat", "cmd", "ps1", "vbs", "wsf", "php", "url", "desktop" };

    // What a browser treats as markup when it sniffs (WHATWG MIME sniffing), looked for in a text's first bytes.
    static readonly string[] Markup = ["<!doctype", "<html", "<head", "<body", "<script", "<svg", "<?xml", "<iframe", "<object", "<embed", "<style", "<meta", "<!--"];

    /// <summary>The sniffed type of the file at <paramref name="path"/>, or null when it is not on the allow-list.</summary>
    public static async Task<string?> SniffAsync(string path, byte[] head, string fileName, CancellationToken cancellationToken)
    {
        if (Binary(head) is { } binary)
            return binary == "application/zip" ? OfficeOrZip(path, fileName) : binary;
        return await IsPlainTextAsync(path, head, fileName, cancellationToken) ? "text/plain" : null;
    }

    static string? Binary(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8)) return "image/gif";
        if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (h.StartsWith("%PDF-"u8)) return "application/pdf";
        if (h.StartsWith("PK\x03\x04"u8) || h.StartsWith("PK\x05\x06"u8)) return "application/zip";
        if (h.StartsWith("OggS"u8)) return "audio/ogg";
        if (h.StartsWith("#!AMR"u8)) return "audio/amr";
        if (h.StartsWith("ID3"u8)) return "audio/mpeg";
        if (h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8)) return IsoMedia(Encoding.ASCII.GetString(h[8..12]));
        if (h.Length >= 2 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0)
        {
            // An MPEG audio frame sync: layer bits 00 are ADTS (AAC), any other layer is MP3.
            var layer = (h[1] >> 1) & 0x3;
            if (layer == 0) return (h[1] & 0xF6) == 0xF0 ? "audio/aac" : null;
            return "audio/mpeg";
        }
        return null;
    }

    static string? IsoMedia(string brand) =>
        brand.StartsWith("3gp", StringComparison.Ordinal) || brand.StartsWith("3g2", StringComparison.Ordinal) ? "video/3gpp"
        : AudioBrands.Contains(brand) ? "audio/mp4"
        : VideoBrands.Contains(brand) ? "video/mp4"
        : null; // HEIC, QuickTime and the rest are not on the list

    static string OfficeOrZip(string path, string fileName)
    {
        if (!Ooxml.TryGetValue(AttachmentNames.Extension(fileName), out var office)) return "application/zip";
        try
        {
            // Only the central directory is read: the entries themselves are never expanded.
            using var zip = ZipFile.OpenRead(path);
            return zip.GetEntry("[Content_Types].xml") is null ? "application/zip" : office;
        }
        catch (InvalidDataException)
        {
            return "application/zip";
        }
    }

    static async Task<bool> IsPlainTextAsync(string path, byte[] head, string fileName, CancellationToken cancellationToken)
    {
        if (ActiveExtensions.Contains(AttachmentNames.Extension(fileName))) return false;
        var start = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '\f');
        if (start.StartsWith('<') || start.StartsWith("#!", StringComparison.Ordinal)) return false;
        if (Markup.Any(tag => start.Contains(tag, StringComparison.OrdinalIgnoreCase))) return false;
        return await IsUtf8WithoutNulAsync(path, cancellationToken);
    }

    static async Task<bool> IsUtf8WithoutNulAsync(string path, CancellationToken cancellationToken)
    {
        // A throwing decoder over the whole file, in chunks: it carries a character split between two chunks over.
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[65536];
        var chars = new char[65536 + 4];
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            int read;
            while ((read = await file.ReadAsync(bytes, cancellationToken)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0)) return false;
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
