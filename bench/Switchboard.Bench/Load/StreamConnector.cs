using System.Net.Http.Headers;
using System.Net.WebSockets;
using Switchboard.Client.Streaming;

namespace Switchboard.Bench.Load;

/// <summary>
/// Opens receivers through the SDK's transports (WebSocket or SSE), spread round-robin over the target's nodes.
/// One shared socket handler for all of them, as a real client process would have.
/// </summary>
public sealed class StreamConnector(IReadOnlyList<Uri> nodes, string transport) : IDisposable
{
    readonly SocketsHttpHandler handler = new()
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = int.MaxValue,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    };

    public string Transport => transport;

    public Receiver Create(string name, string token, long cursor, int index)
    {
        var node = nodes[index % nodes.Count];
        Receiver? receiver = null;
        IFrameStreamTransport stream = transport switch
        {
            "websocket" => new WebSocketTransport(node, async (uri, ct) =>
            {
                var socket = new ClientWebSocket();
                socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
                // The server pings; a client-side keep-alive would only add frames to every idle connection.
                socket.Options.KeepAliveInterval = TimeSpan.Zero;
                await socket.ConnectAsync(uri, new HttpMessageInvoker(handler, disposeHandler: false), ct);
                receiver!.MarkConnected();
                return socket;
            }),
            "sse" => new SseTransport(new HttpClient(new ConnectedSignal(handler, () => receiver!.MarkConnected()), disposeHandler: false)
            {
                BaseAddress = node,
                Timeout = Timeout.InfiniteTimeSpan,
                DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
            }),
            _ => throw new ArgumentException($"Unknown transport '{transport}' (websocket or sse)."),
        };
        receiver = new Receiver(name, stream, cursor);
        return receiver;
    }

    public void Dispose() => handler.Dispose();

    /// <summary>Tells the receiver its SSE stream is open once the response headers are in.</summary>
    sealed class ConnectedSignal(HttpMessageHandler inner, Action onConnected) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode) onConnected();
            return response;
        }
    }
}
