using System.Net;
using System.Net.Http.Headers;
using Switchboard.Server.Attachments;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Attachments;

/// <summary>The attachment calls the tests make; the Try ones return the raw answer.</summary>
public static class AttachmentClient
{
    public static Task<HttpResponseMessage> TryUploadAsync(this HttpClient client, long conversationId, string clientAttachmentId, byte[] bytes, string name,
        string contentType = "application/octet-stream") =>
        client.TryUploadAsync(conversationId, clientAttachmentId, Content(bytes, contentType), name);

    public static Task<HttpResponseMessage> TryUploadAsync(this HttpClient client, long conversationId, string clientAttachmentId, HttpContent content, string name) =>
        client.PutAsync($"/api/v1/conversations/{conversationId}/attachments/{clientAttachmentId}?name={Uri.EscapeDataString(name)}", content);

    public static async Task<AttachmentResponse> UploadAsync(this HttpClient client, long conversationId, string clientAttachmentId, byte[] bytes, string name,
        string contentType = "application/octet-stream", HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await client.TryUploadAsync(conversationId, clientAttachmentId, bytes, name, contentType)).ReadAsync<AttachmentResponse>(expected);

    public static Task<HttpResponseMessage> TrySendAsync(this HttpClient client, long conversationId, string text, string[] attachmentIds, bool isNote = false,
        string? clientMessageId = null) =>
        client.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages",
            new { clientMessageId = clientMessageId ?? Guid.NewGuid().ToString("N"), text, attachmentIds, isNote });

    public static async Task<PostMessageResponse> SendAsync(this HttpClient client, long conversationId, string text, params string[] attachmentIds) =>
        await (await client.TrySendAsync(conversationId, text, attachmentIds)).ReadAsync<PostMessageResponse>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> TryLinkAsync(this HttpClient client, long conversationId, long attachmentId) =>
        client.GetAsync($"/api/v1/conversations/{conversationId}/attachments/{attachmentId}/link");

    public static async Task<AttachmentLinkResponse> LinkAsync(this HttpClient client, long conversationId, long attachmentId) =>
        await (await client.TryLinkAsync(conversationId, attachmentId)).ReadAsync<AttachmentLinkResponse>(HttpStatusCode.OK);

    static ByteArrayContent Content(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    /// <summary>A body that sends <paramref name="prefix"/> and then breaks, as a connection cut off mid-upload does.</summary>
    public sealed class CutOffContent(byte[] prefix, long declaredLength) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(prefix);
            await stream.FlushAsync();
            throw new IOException("The connection was cut off.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = declaredLength;
            return true;
        }
    }
}
