using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Media through the WhatsApp Cloud API. Download: <c>GET {base}/{media-id}</c> with the inbox's token answers where the
/// bytes are; <c>GET url</c> with the same token streams them (never buffered whole). Upload: <c>POST
/// {base}/{phone-number-id}/media</c> (multipart) answers the media id a media message then names. Sizes are bounded by
/// <see cref="WhatsAppOptions.MediaMaxBytes"/>; the caller bounds the time (the body is read after this returns).
/// </summary>
public sealed class GraphMediaClient(IHttpClientFactory httpClients, IOptions<WhatsAppOptions> options)
{
    /// <summary>No client-wide time-out: a large file takes longer than a send, so the caller's token bounds each transfer.</summary>
    public const string ClientName = "whatsapp.media";

    const int MaxInfoBytes = 64 * 1024;

    /// <summary>Opens the media's bytes. Throws <see cref="WhatsAppMediaException"/> when it cannot (permanently or for now).</summary>
    public async Task<GraphMediaDownload> DownloadAsync(string graphBaseUrl, string mediaId, string accessToken, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(ClientName);
        var max = options.Value.MediaMaxBytes;
        var info = await InfoAsync(client, graphBaseUrl, mediaId, accessToken, cancellationToken);
        if (info.FileSize is { } declared && declared > max) throw new WhatsAppMediaException($"the file is {declared} bytes, over {max}", permanent: true);

        var request = new HttpRequestMessage(HttpMethod.Get, info.Url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        HttpResponseMessage? response = null;
        try
        {
            response = await SendAsync(client, request, cancellationToken);
            Check(response, "media bytes");
            if (response.Content.Headers.ContentLength is { } length && length > max)
                throw new WhatsAppMediaException($"the file is {length} bytes, over {max}", permanent: true);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var download = new GraphMediaDownload(new MediaDownloadStream(stream, response, info.FileSize, info.Sha256, max), info.MimeType);
            response = null; // the stream owns it now
            return download;
        }
        finally
        {
            request.Dispose();
            response?.Dispose();
        }
    }

    /// <summary>Uploads one file for a media message; the answer's id is the media id (accepted), or why not (as for a send).</summary>
    public Task<GraphSendResult> UploadAsync(string graphBaseUrl, string phoneNumberId, string accessToken, Stream content, string fileName, string contentType,
        CancellationToken cancellationToken, CancellationToken callerToken)
    {
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent(contentType), "type" },
            { file, "file", fileName },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{graphBaseUrl}/{Uri.EscapeDataString(phoneNumberId)}/media") { Content = form };
        return GraphApiClient.CallAsync(httpClients.CreateClient(ClientName), request, accessToken, "media",
            text => GraphApiClient.Parse<CloudMediaUploaded>(text)?.Id, cancellationToken, callerToken);
    }

    async Task<(string Url, string? MimeType, string? Sha256, long? FileSize)> InfoAsync(HttpClient client, string graphBaseUrl, string mediaId,
        string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{graphBaseUrl}/{Uri.EscapeDataString(mediaId)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await SendAsync(client, request, cancellationToken);
        Check(response, "media lookup");
        if (response.Content.Headers.ContentLength > MaxInfoBytes) throw new WhatsAppMediaException("the media lookup answer is too large", permanent: false);
        var info = GraphApiClient.Parse<CloudMediaInfo>(await response.Content.ReadAsStringAsync(cancellationToken));
        // The bearer token goes wherever this URL points, so it must be a web URL, and never plain http behind an https Graph API.
        if (info?.Url is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || (uri.Scheme == "http" && graphBaseUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
            throw new WhatsAppMediaException("the media lookup answered no usable url", permanent: false);
        return (uri.AbsoluteUri, info.MimeType, info.Sha256, info.FileSize);
    }

    static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new WhatsAppMediaException($"no answer ({ex.HttpRequestError})", permanent: false);
        }
    }

    /// <summary>
    /// 2xx passes. A missing or expired media id (400, 404, 410) cannot come back; a rejected token (401, 403) can, once an
    /// admin sets a new one, so it is retried with the rest (429, 5xx).
    /// </summary>
    static void Check(HttpResponseMessage response, string step)
    {
        if (response.IsSuccessStatusCode) return;
        var status = (int)response.StatusCode;
        var permanent = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Gone;
        throw new WhatsAppMediaException($"{step} answered HTTP {status}", permanent);
    }
}
