using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Client.Attachments;
using Switchboard.Client.Sync;

namespace Switchboard.Client.Api;

public sealed partial class SwitchboardApiClient
{
    /// <summary>
    /// Uploads one file to a conversation (<c>PUT .../attachments/{clientAttachmentId}?name=</c>, the raw bytes streamed from
    /// <paramref name="content"/>, never buffered whole). Retrying with the same <paramref name="clientAttachmentId"/> stores it
    /// once. Throws <see cref="SwitchboardApiException"/>: 413 <c>attachment_too_large</c>, 415 <c>attachment_type_not_allowed</c>,
    /// 400 <c>attachment_empty</c> / <c>attachment_name_invalid</c>, 409 <c>attachment_id_conflict</c>. The caller keeps
    /// ownership of <paramref name="content"/>.
    /// </summary>
    public async Task<AttachmentDto> UploadAttachmentAsync(long conversationId, string clientAttachmentId, Stream content, string name, string contentType,
        CancellationToken cancellationToken = default)
    {
        var path = $"/api/v1/conversations/{conversationId}/attachments/{Uri.EscapeDataString(clientAttachmentId)}" + Query(("name", name));
        using var message = new HttpRequestMessage(HttpMethod.Put, path) { Content = new UploadContent(content, contentType, null, leaveOpen: true) };
        using var response = await Http.SendAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode) await ThrowProblemAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<AttachmentDto>(SyncJson.Options, cancellationToken))!;
    }

    /// <summary>A signed download link of an attachment, valid until <see cref="AttachmentLink.ExpiresAt"/> (URLs relative to the server).</summary>
    public Task<AttachmentLink> GetAttachmentLinkAsync(long conversationId, long attachmentId, CancellationToken cancellationToken = default) =>
        SendAsync<AttachmentLink>(HttpMethod.Get, $"/api/v1/conversations/{conversationId}/attachments/{attachmentId}/link", null, cancellationToken);

    /// <summary>Sends an upload of the live store (<see cref="OutgoingRequest.Upload"/>) and returns its raw answer; transport failures throw.</summary>
    public async Task<(int Status, JsonElement Body)> SendUploadAsync(OutgoingRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var upload = request.Upload ?? throw new ArgumentException("Not an upload.", nameof(request));
        using var message = new HttpRequestMessage(HttpMethod.Put, request.Path) { Content = new UploadContent(upload.File.OpenRead(), upload.File.ContentType, progress) };
        using var response = await Http.SendAsync(message, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return ((int)response.StatusCode, ReadBody(text));
    }

    static JsonElement ReadBody(string text)
    {
        if (text.Length == 0) return default;
        try { return JsonDocument.Parse(text).RootElement.Clone(); }
        catch (JsonException) { return default; }
    }
}
