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

    public Task<GraphSendResult> SendAsync(string graphBaseUrl, string phoneNumberId, string accessToken, JsonObject body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{graphBaseUrl}/{Uri.EscapeDataString(phoneNumberId)}/messages")
        {
            Content = JsonContent.Create(body),
        };
        return CallAsync(httpClients.CreateClient(ClientName), request, accessToken, "message",
            text => Parse<CloudSendResponse>(text)?.Messages?.FirstOrDefault()?.Id, cancellationToken, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="request"/> (and disposes it) and classifies the answer: the id <paramref name="readId"/> finds
    /// in a 2xx body, Meta's error for a refusal, or a transient failure. <paramref name="callerToken"/> tells a time-out
    /// (transient) from the caller giving up (thrown).
    /// </summary>
    internal static async Task<GraphSendResult> CallAsync(HttpClient client, HttpRequestMessage request, string accessToken, string what,
        Func<string, string?> readId, CancellationToken cancellationToken, CancellationToken callerToken)
    {
        using var _ = request;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
                return readId(text) is { Length: > 0 } id
                    ? GraphSendResult.Sent(id, status)
                    // Accepted but unreadable: sending again could deliver it twice, so this is not retried.
                    : GraphSendResult.Refuse(status, $"The WhatsApp Cloud API accepted the {what} but returned no {what} id.", null);
            if (IsTransient(response.StatusCode))
                return GraphSendResult.Transient(status, $"HTTP {status}");
            var error = Parse<CloudErrorResponse>(text)?.Error;
            return GraphSendResult.Refuse(status, WhatsAppError.Describe(error, $"The WhatsApp Cloud API refused the {what} (HTTP {status})."), error?.Code);
        }
        catch (HttpRequestException ex)
        {
            return GraphSendResult.Transient(null, $"no answer ({ex.HttpRequestError})");
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            return GraphSendResult.Transient(null, "timed out");
        }
    }

    /// <summary>429, 408 and 5xx: the same request may well succeed later.</summary>
    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    internal static T? Parse<T>(string text) where T : class
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
