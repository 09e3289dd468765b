using System.Net.WebSockets;

namespace Switchboard.Cluster.Tests.Clients;

/// <summary>Remembers which node the balancer sent a client's last stream to (its <c>X-Switchboard-Node</c> header).</summary>
sealed class NodeTracker : DelegatingHandler
{
    const string Header = "X-Switchboard-Node";

    public NodeTracker() : base(new SocketsHttpHandler()) { }

    readonly TaskCompletionSource connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? Node { get; private set; }

    /// <summary>Completes when the first stream is open (its response or upgrade arrived).</summary>
    public Task Connected => connected.Task;

    void Seen(string node)
    {
        Node = node;
        connected.TrySetResult();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri?.AbsolutePath == "/api/v1/events" && response.Headers.TryGetValues(Header, out var values)) Seen(values.First());
        return response;
    }

    /// <summary>Opens a WebSocket with <paramref name="token"/> and notes the node from the upgrade's response.</summary>
    public async Task<WebSocket> ConnectWebSocketAsync(Uri uri, string token, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (socket.HttpResponseHeaders?.TryGetValue(Header, out var values) == true) Seen(values.First());
        return socket;
    }
}
