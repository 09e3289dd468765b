using System.Net;
using SkiaSharp;
using Switchboard.Server.Attachments;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Attachments;

/// <summary>Images are stored upright without their metadata, with dimensions and a thumbnail; bombs and broken images are refused.</summary>
public sealed class AttachmentImageTests
{
    [Theory, BothDatabases]
    public async Task APhotosGpsIsStrippedAndItIsStoredUprightWithDimensionsAndAThumbnail(DatabaseKind db)
    {
        await using var env = await AttachmentEnv.StartAsync(db);
        var (ws, visitor) = (env.Workspace, env.Visitor);
        var photo = TestFiles.JpegWithGps(800, 400);
        // The test's own file does carry the location (and the codec sees the orientation), or the test proves nothing.
        Assert.True(TestFiles.Contains(photo, TestFiles.LatitudeBytes));
        using (var codec = SKCodec.Create(new MemoryStream(photo))) Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);

        var uploaded = await visitor.Client.UploadAsync(visitor.ConversationId, "photo", photo, "IMG_0001.jpg", "image/jpeg");
        // Orientation 6 turns the 800×400 picture upright: 400×800.
        Assert.Equal(("image/jpeg", 400, 800, true), (uploaded.ContentType, uploaded.Width, uploaded.Height, uploaded.HasThumbnail));

        var link = await visitor.Client.LinkAsync(visitor.ConversationId, uploaded.Id);
        using var anonymous = env.App.CreateClient();
        var stored = await anonymous.GetByteArrayAsync(link.Url);
        Assert.Equal(uploaded.Size, stored.Length);
        Assert.False(TestFiles.Contains(stored, TestFiles.LatitudeBytes));
        Assert.False(TestFiles.Contains(stored, "Exif\0\0"u8.ToArray()));
        using (var codec = SKCodec.Create(new MemoryStream(stored)))
        {
            Assert.Equal((400, 800), (codec.Info.Width, codec.Info.Height));
            Assert.True(codec.EncodedOrigin is SKEncodedOrigin.TopLeft or (SKEncodedOrigin)0);
        }
        // The red mark was in the stored top-left corner: turned clockwise it shows top-right.
        using (var upright = SKBitmap.Decode(stored))
        {
            Assert.True(upright.GetPixel(390, 10).Red > 200 && upright.GetPixel(390, 10).Blue < 80, "the mark should be top-right");
            Assert.True(upright.GetPixel(10, 10).Blue > 100, "top-left should be the background");
        }

        var thumbnail = await anonymous.GetByteArrayAsync(link.ThumbnailUrl!);
        using (var codec = SKCodec.Create(new MemoryStream(thumbnail)))
            Assert.Equal((160, 320, SKEncodedImageFormat.Webp), (codec.Info.Width, codec.Info.Height, codec.EncodedFormat));
    }

    [Theory, BothDatabases]
    public async Task ABrokenImageAndOneWithTooManyPixelsAreRefused(DatabaseKind db)
    {
        await using var env = await AttachmentEnv.StartAsync(db, extra: new() { ["Attachments:MaxImagePixels"] = "10000" });
        var (client, id) = (env.Visitor.Client, env.Visitor.ConversationId);

        // 200×100 = 20 000 pixels: refused from its header, before it is decoded.
        await (await client.TryUploadAsync(id, "bomb", TestFiles.Png(200, 100), "bomb.png")).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, AttachmentErrors.ImageTooLarge);
        // A PNG cut in half does not decode.
        var png = TestFiles.Png(90, 90);
        await (await client.TryUploadAsync(id, "broken", png[..(png.Length / 2)], "broken.png")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, AttachmentErrors.TypeNotAllowed);
        // A GIF keeps its bytes and reports its size.
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
        var stored = await client.UploadAsync(id, "gif", gif, "dot.gif");
        Assert.Equal(("image/gif", 1, 1, false, (long)gif.Length), (stored.ContentType, stored.Width, stored.Height, stored.HasThumbnail, stored.Size));
        Assert.Empty(env.TempFiles);
    }
}
