using Switchboard.Client.Api;

namespace Switchboard.Cluster.Tests.Clients;

/// <summary>
/// Posts messages through the balancer as a client app does: each with its own <c>clientMessageId</c>, retried with
/// the same id after a transport failure or a 5xx (its node may have died mid-request) until it is acknowledged.
/// </summary>
sealed class MessageSender(string name, SwitchboardApiClient api)
{
    static readonly int[] RetryDelaysMs = [0, 100, 250, 500, 1000, 1000, 2000, 2000, 2000, 2000, 2000];

    public string Name { get; } = name;
    public int Retries { get; private set; }

    /// <summary>Sends one message and returns the seq of its event once acknowledged.</summary>
    public async Task<Acknowledged> SendAsync(long conversationId, string text, CancellationToken cancellationToken)
    {
        var clientMessageId = $"{Name}-{Guid.NewGuid():N}";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var result = await api.PostMessageAsync(conversationId, clientMessageId, text, cancellationToken: cancellationToken);
                return new Acknowledged(clientMessageId, conversationId, result.Message.Id, result.Seq);
            }
            catch (Exception ex) when (Retryable(ex) && !cancellationToken.IsCancellationRequested && attempt + 1 < RetryDelaysMs.Length)
            {
                Retries++;
                await Task.Delay(RetryDelaysMs[attempt + 1], cancellationToken);
            }
        }
    }

    static bool Retryable(Exception ex) => ex switch
    {
        // A timeout (the node died with the request) comes as a cancellation the caller did not ask for.
        HttpRequestException or IOException or TaskCanceledException => true,
        SwitchboardApiException api => api.Status >= 500,
        _ => false,
    };
}

sealed record Acknowledged(string ClientMessageId, long ConversationId, long MessageId, long Seq);
