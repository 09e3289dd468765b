using Switchboard.Client.Api;

namespace Switchboard.Bench.Load;

/// <summary>A participant that writes: a visitor or an operator posting into one conversation through the SDK's API client.</summary>
public sealed class Sender(SwitchboardApiClient api, long conversationId)
{
    public long ConversationId => conversationId;

    public static Sender Create(HttpMessageHandler handler, Uri node, string token, long conversationId)
    {
        var api = new SwitchboardApiClient(new HttpClient(handler, disposeHandler: false) { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) });
        api.UseToken(token);
        return new Sender(api, conversationId);
    }

    /// <summary>Posts message <paramref name="index"/> of run <paramref name="tag"/> and returns its seq.</summary>
    public async Task<long> SendAsync(string tag, int index, CancellationToken cancellationToken) =>
        (await api.PostMessageAsync(conversationId, $"{tag}-{index}", $"Benchmark message {index}: hello, where is my order?", cancellationToken: cancellationToken)).Seq;
}
