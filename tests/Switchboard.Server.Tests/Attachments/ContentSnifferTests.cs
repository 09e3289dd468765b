using System.IO.Compression;
using System.Text;
using Switchboard.Server.Attachments;

namespace Switchboard.Server.Tests.Attachments;

/// <summary>The allow-list, decided by the bytes: each allowed kind is recognised, look-alikes are not.</summary>
public sealed class ContentSnifferTests
{
    public static TheoryData<string, byte[], string, string?> Files => new()
    {
        { "pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n..."), "a.pdf", "application/pdf" },
        { "ogg", [.. "OggS"u8, 0, 2, 0, 0], "voice.ogg", "audio/ogg" },
        { "mp3 with ID3", [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0], "song.mp3", "audio/mpeg" },
        { "mp3 frame", [0xFF, 0xFB, 0x90, 0x64, 0, 0], "song.mp3", "audio/mpeg" },
        { "aac (ADTS)", [0xFF, 0xF1, 0x50, 0x80, 0, 0], "a.aac", "audio/aac" },
        { "amr", [.. "#!AMR\n"u8, 0x3C], "voice.amr", "audio/amr" },
        { "mp4", [0, 0, 0, 0x18, .. "ftypisom"u8, 0, 0, 2, 0], "clip.mp4", "video/mp4" },
        { "m4a", [0, 0, 0, 0x18, .. "ftypM4A "u8, 0, 0, 2, 0], "voice.m4a", "audio/mp4" },
        { "3gp", [0, 0, 0, 0x18, .. "ftyp3gp4"u8, 0, 0, 2, 0], "clip.3gp", "video/3gpp" },
        { "heic", [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 2, 0], "photo.heic", null },
        { "utf-8 text", Encoding.UTF8.GetBytes("Grüße, ça va? 👋\nZeile 2"), "notes.txt", "text/plain" },
        { "invalid utf-8", [0x48, 0x69, 0xC3, 0x28], "notes.txt", null },
        { "text named .html", Encoding.UTF8.GetBytes("just text"), "page.html", null },
        { "markup after text", Encoding.UTF8.GetBytes("hello <script>alert(1)</script>"), "notes.txt", null },
        { "elf", [0x7F, .. "ELF"u8, 2, 1, 1, 0], "tool", null },
    };

    [Theory, MemberData(nameof(Files))]
    public async Task EachKindIsRecognisedByItsBytes(string what, byte[] bytes, string name, string? expected)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, bytes);
            Assert.True(expected == await ContentSniffer.SniffAsync(path, bytes, name, CancellationToken.None), what);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AnOfficeFileIsAZipWithItsContentTypesAndTheRightName()
    {
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(path))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                using var entry = zip.CreateEntry("[Content_Types].xml").Open();
                entry.Write("<Types/>"u8);
            }
            var head = (await File.ReadAllBytesAsync(path))[..32];
            Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", await ContentSniffer.SniffAsync(path, head, "letter.docx", CancellationToken.None));
            Assert.Equal("application/zip", await ContentSniffer.SniffAsync(path, head, "letter.zip", CancellationToken.None));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
