using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.WhatsApp;

// Media as the Cloud API serves it: GET /v21.0/{media-id} answers where the bytes are (here /media/{media-id} on the same
// server, as Meta's lookaside host) and what they are; both need the bearer token. POST /v21.0/{phone-number-id}/media
// takes a multipart upload and answers a media id that media messages may then name.
public sealed partial class FakeGraphApi
{
    readonly ConcurrentDictionary<string, Media> media = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, Upload> uploadsById = new(StringComparer.Ordinal);
    readonly RequestLog<Upload> uploads = new(TimeSpan.FromSeconds(10));
    readonly RequestLog<string> fetches = new(TimeSpan.FromSeconds(10));
    int uploaded;

    /// <summary>One upload as received, and the media id it got.</summary>
    public sealed record Upload(string PhoneNumberId, string? MessagingProduct, string? Type, string? FileName, byte[] Bytes, string MediaId);

    sealed class Media(byte[] bytes, string mimeType, int refusals, int refuseWith)
    {
        public byte[] Bytes => bytes;
        public string MimeType => mimeType;
        public int RefuseWith => refuseWith;
        int left = refusals;

        /// <summary>Whether this fetch of the bytes is refused (the first <c>refusals</c> are; a negative count refuses all).</summary>
        public bool Refuse() => left < 0 || Interlocked.Decrement(ref left) >= 0;
    }

    /// <summary>
    /// Serves <paramref name="bytes"/> for <paramref name="mediaId"/>; the first <paramref name="refusals"/> fetches of the
    /// bytes answer <paramref name="refuseWith"/> (a negative count: every fetch).
    /// </summary>
    public void AddMedia(string mediaId, byte[] bytes, string mimeType, int refusals = 0, int refuseWith = 500) =>
        media[mediaId] = new Media(bytes, mimeType, refusals, refuseWith);

    public IReadOnlyList<Upload> Uploads => uploads.Items;

    /// <summary>The media ids whose bytes were asked for, one per fetch (refused ones too).</summary>
    public IReadOnlyList<string> MediaFetches => fetches.Items;

    public Task<Upload> WaitForUploadAsync(int count) => uploads.WaitForAsync(count);

    void MapMedia(IEndpointRouteBuilder routes)
    {
        routes.MapGet($"/{Version}/{{mediaId}}", (string mediaId, HttpRequest request) =>
            !Authorized(request) ? Unauthorized()
            : media.TryGetValue(mediaId, out var m) ? Results.Text(new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["url"] = server.Url($"/media/{Uri.EscapeDataString(mediaId)}?ext=1"),
                ["mime_type"] = m.MimeType,
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(m.Bytes)),
                ["file_size"] = m.Bytes.Length,
                ["id"] = mediaId,
            }.ToJsonString(), "application/json")
            : Results.Text(GraphError(100, "(#100) Unsupported get request."), "application/json", statusCode: 400));
        routes.MapGet("/media/{mediaId}", (string mediaId, HttpRequest request) =>
        {
            fetches.Add(mediaId);
            if (!Authorized(request)) return Unauthorized();
            if (!media.TryGetValue(mediaId, out var m)) return Results.NotFound();
            return m.Refuse() ? Results.StatusCode(m.RefuseWith) : Results.Bytes(m.Bytes, m.MimeType);
        });
        routes.MapPost($"/{Version}/{{phoneNumberId}}/media", UploadAsync);
    }

    async Task<IResult> UploadAsync(string phoneNumberId, HttpRequest request)
    {
        if (!Authorized(request)) return Unauthorized();
        if (!request.HasFormContentType) return Results.Text(GraphError(100, "(#100) multipart/form-data is required"), "application/json", statusCode: 400);
        var form = await request.ReadFormAsync();
        var file = form.Files.GetFile("file");
        if (form["messaging_product"] != "whatsapp" || string.IsNullOrEmpty(form["type"]) || file is null)
            return Results.Text(GraphError(100, "(#100) messaging_product, type and file are required"), "application/json", statusCode: 400);
        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        var upload = new Upload(phoneNumberId, form["messaging_product"], form["type"], file.FileName, bytes.ToArray(), $"{9000000 + Interlocked.Increment(ref uploaded)}");
        uploadsById[upload.MediaId] = upload;
        uploads.Add(upload);
        return Results.Text(new JsonObject { ["id"] = upload.MediaId }.ToJsonString(), "application/json");
    }

    bool Authorized(HttpRequest request) => request.Headers.Authorization.ToString() == $"Bearer {accessToken}";

    static IResult Unauthorized() => Results.Text(GraphError(190, "Invalid OAuth access token."), "application/json", statusCode: 401);

    /// <summary>A media message must name a media id this fake handed out; audio and stickers take no caption.</summary>
    string? MediaMessageProblem(JsonElement body)
    {
        var type = Str(body, "type")!;
        if (!body.TryGetProperty(type, out var m) || Str(m, "id") is not { } id || !uploadsById.ContainsKey(id)) return $"{type}.id must be an uploaded media id";
        if (type is "audio" or "sticker" && m.TryGetProperty("caption", out _)) return $"{type} takes no caption";
        return null;
    }
}
