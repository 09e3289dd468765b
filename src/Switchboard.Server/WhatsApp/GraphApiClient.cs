using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Sends messages through the WhatsApp Cloud API: <c>POST {base}/{phone-number-id}/messages</c> with the inbox's
/// bearer token. Classifies the answer only; retrying and recording are the send job's.
/// </summary>
public sealed class GraphApiClient(IHttpClientFactory httpClients)
{
    public const string ClientName = "whatsapp";

    public async Task<GraphSendResult> SendAsync(string graphBaseUrl, string phoneNumberId, string accessToken, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{graphBaseUrl}/{Uri.EscapeDataString(phoneNumberId)}/messages")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        try
        {
            using var response = await httpClients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
                return Parse<CloudSendResponse>(text)?.Messages?.FirstOrDefault()?.Id is { Length: > 0 } wamid
                    ? GraphSendResult.Sent(wamid, status)
                    // Accepted but unreadable: sending again could deliver it twice, so this is not retried.
                    : GraphSendResult.Refuse(status, "The WhatsApp Cloud API accepted the message but returned no message id.", null);
            if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
                return GraphSendResult.Transient(status, $"HTTP {status}");
            var error = Parse<CloudErrorResponse>(text)?.Error;
            return GraphSendResult.Refuse(status, WhatsAppError.Describe(error, $"The WhatsApp Cloud API refused the message (HTTP {status})."), error?.Code);
        }
        catch (HttpRequestException ex)
        {
            return GraphSendResult.Transient(null, $"no answer ({ex.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return GraphSendResult.Transient(null, "timed out");
        }
    }

    static T? Parse<T>(string text) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, CloudApiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
