using System.Security.Cryptography;
using System.Text.Json;
using Switchboard.Server.Attachments;
using Switchboard.Server.WhatsApp;

namespace Switchboard.Server.Tests.WhatsApp;

public sealed class WhatsAppMediaUnitTests
{
    [Theory]
    [InlineData("""{"type":"image","image":{"id":"1","mime_type":"image/jpeg","caption":" In blue? "}}""", "image.jpg", "In blue?")]
    [InlineData("""{"type":"document","document":{"id":"2","mime_type":"application/pdf","filename":"receipt.pdf"}}""", "receipt.pdf", "")]
    [InlineData("""{"type":"document","document":{"id":"3","mime_type":"application/pdf","filename":"../../etc/passwd"}}""", "passwd", "")]
    [InlineData("""{"type":"audio","audio":{"id":"4","mime_type":"audio/ogg; codecs=opus","voice":true}}""", "audio.ogg", "")]
    [InlineData("""{"type":"video","video":{"id":"5","mime_type":"video/mp4"}}""", "video.mp4", "")]
    [InlineData("""{"type":"sticker","sticker":{"id":"6","mime_type":"image/webp","animated":false}}""", "sticker.webp", "")]
    [InlineData("""{"type":"document","document":{"id":"7","mime_type":"application/x-unknown","filename":"..."}}""", "document.bin", "")]
    public void InboundMediaIsItsCaptionWithAFileToDownload(string json, string fileName, string text)
    {
        var mapped = WhatsAppInboundMapper.Map(JsonDocument.Parse(json).RootElement, "wamid.1");
        Assert.NotNull(mapped.Media);
        Assert.Equal((fileName, text, mapped.Content.MediaId), (mapped.Media.FileName, mapped.Text, mapped.Media.MediaId));
    }

    [Fact]
    public void TheTextIsTheFirstFilesCaptionUnlessThatFileTakesNone()
    {
        var pdf = File(1, "invoice.pdf", "application/pdf");
        var png = File(2, "photo.png", "image/png");
        var ogg = File(3, "note.ogg", "audio/ogg");
        var zip = File(4, "logs.zip", "application/zip");

        Assert.Equal(new[] { ("document", 1L, "Your invoice"), ("image", 2L, (string?)null) },
            WhatsAppMediaParts.Plan("Your invoice", [pdf, png]).Select(p => (p.Type, p.AttachmentId!.Value, p.Text)));
        Assert.Equal(new[] { ("text", (long?)null, "Listen"), ("audio", 3L, null), ("document", 4L, null) },
            WhatsAppMediaParts.Plan("Listen", [ogg, zip]).Select(p => (p.Type, p.AttachmentId, p.Text)));
        Assert.Equal(new[] { "image" }, WhatsAppMediaParts.Plan("", [png]).Select(p => p.Type));
        var longText = new string('a', WhatsAppMediaParts.MaxCaption + 1);
        Assert.Equal(new[] { "text", "image" }, WhatsAppMediaParts.Plan(longText, [png]).Select(p => p.Type));

        var body = WhatsAppMediaParts.Body(WhatsAppMediaParts.Plan("Your invoice", [pdf])[0], "media-9", "4915100000000");
        Assert.Equal("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915100000000","type":"document","document":{"id":"media-9","caption":"Your invoice","filename":"invoice.pdf"}}""",
            body.ToJsonString());
    }

    [Theory]
    [InlineData("video/mp4", "video")]
    [InlineData("video/3gpp", "video")]
    [InlineData("audio/mpeg", "audio")]
    [InlineData("image/jpeg", "image")]
    [InlineData("image/webp", "image")]
    [InlineData("image/gif", "document")]
    [InlineData("text/plain", "document")]
    public void FilesGoOutAsTheMessageTypeOfTheirSniffedType(string contentType, string type) => Assert.Equal(type, WhatsAppMediaParts.TypeOf(contentType));

    [Fact]
    public async Task ADownloadIsCheckedAgainstMetasSizeAndHashAndTheBound()
    {
        var bytes = RandomNumberGenerator.GetBytes(5000);
        var hex = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var base64 = Convert.ToBase64String(SHA256.HashData(bytes));
        Assert.Equal(bytes, await ReadAsync(bytes, bytes.Length, hex, 10_000));
        Assert.Equal(bytes, await ReadAsync(bytes, null, base64, 10_000));
        Assert.Equal(bytes, await ReadAsync(bytes, null, null, 10_000));

        var cut = await Assert.ThrowsAsync<WhatsAppMediaException>(() => ReadAsync(bytes[..4000], bytes.Length, hex, 10_000));
        Assert.False(cut.Permanent);
        var corrupt = await Assert.ThrowsAsync<WhatsAppMediaException>(() => ReadAsync([.. bytes[..^1], 0], bytes.Length, hex, 10_000));
        Assert.False(corrupt.Permanent);
        var large = await Assert.ThrowsAsync<WhatsAppMediaException>(() => ReadAsync(bytes, null, null, 4096));
        Assert.True(large.Permanent);
    }

    static async Task<byte[]> ReadAsync(byte[] bytes, long? size, string? sha256, long max)
    {
        await using var stream = new MediaDownloadStream(new MemoryStream(bytes), new MemoryStream(), size, sha256, max);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    static AttachmentRow File(long id, string name, string type) => new() { Id = id, FileName = name, ContentType = type, Status = AttachmentStatus.Ready };
}
