using System.Text.Json.Nodes;
using Switchboard.Server.Attachments;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// How a team message with attachments goes out: one Cloud API media message per file, typed by its sniffed content
/// type (image for PNG, JPEG and WebP; audio; video; document, with its file name, for PDF and the rest), in the
/// message's order. The text is the first file's caption; it goes first as its own text message when that file cannot
/// carry one (audio) or the text is longer than a caption may be.
/// </summary>
public static class WhatsAppMediaParts
{
    /// <summary>WhatsApp's limit for a media caption.</summary>
    public const int MaxCaption = 1024;

    /// <summary>One Cloud API message of the send: a text (<see cref="AttachmentId"/> null) or a file with its caption.</summary>
    public sealed record Part(int Index, string Type, long? AttachmentId, string? FileName, string? ContentType, string? Text);

    public static IReadOnlyList<Part> Plan(string text, IReadOnlyList<AttachmentRow> files)
    {
        var parts = new List<Part>();
        string? caption = string.IsNullOrWhiteSpace(text) ? null : text;
        if (caption is not null && (files.Count == 0 || !HasCaption(TypeOf(files[0].ContentType)) || caption.Length > MaxCaption))
        {
            parts.Add(new Part(0, "text", null, null, null, caption));
            caption = null;
        }
        foreach (var file in files)
        {
            parts.Add(new Part(parts.Count, TypeOf(file.ContentType), file.Id, file.FileName, file.ContentType, caption));
            caption = null;
        }
        return parts;
    }

    /// <summary>The Cloud API message type a file of this (sniffed) type is sent as.</summary>
    public static string TypeOf(string contentType) => contentType switch
    {
        "image/png" or "image/jpeg" or "image/webp" => "image",
        _ when contentType.StartsWith("audio/", StringComparison.Ordinal) => "audio",
        _ when contentType.StartsWith("video/", StringComparison.Ordinal) => "video",
        _ => "document",
    };

    static bool HasCaption(string type) => type is "image" or "video" or "document";

    /// <summary>The request body of one part; <paramref name="mediaId"/> is the file's uploaded media id.</summary>
    public static JsonObject Body(Part part, string? mediaId, string to)
    {
        var body = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = "individual",
            ["to"] = to,
            ["type"] = part.Type,
        };
        if (part.AttachmentId is null)
        {
            body["text"] = new JsonObject { ["preview_url"] = false, ["body"] = part.Text };
            return body;
        }
        var media = new JsonObject { ["id"] = mediaId ?? throw new InvalidOperationException($"Part {part.Index} has no media id.") };
        if (part.Text is not null) media["caption"] = part.Text;
        if (part.Type == "document") media["filename"] = part.FileName;
        body[part.Type] = media;
        return body;
    }
}
