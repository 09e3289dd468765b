using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// A TCP forwarder on a loopback port in front of a real server (the tests' PostgreSQL): <see cref="Cut"/> drops every
/// connection and refuses new ones, as a stopped database does, without stopping the server other tests share;
/// <see cref="Restore"/> listens again on the same port.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    readonly IPEndPoint target;
    readonly ConcurrentDictionary<TcpClient, byte> open = new();
    TcpListener? listener;

    public TcpProxy(IPEndPoint target)
    {
        this.target = target;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync(listener);
    }

    public int Port { get; }

    public void Cut()
    {
        listener?.Stop();
        listener = null;
        foreach (var client in open.Keys) client.Dispose();
        open.Clear();
    }

    public void Restore()
    {
        if (listener is not null) return;
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _ = AcceptAsync(listener);
    }

    async Task AcceptAsync(TcpListener accepting)
    {
        while (true)
        {
            TcpClient inbound;
            try { inbound = await accepting.AcceptTcpClientAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            var outbound = new TcpClient();
            try { await outbound.ConnectAsync(target); }
            catch (SocketException) { inbound.Dispose(); outbound.Dispose(); continue; }
            open[inbound] = 0;
            open[outbound] = 0;
            _ = PipeAsync(inbound, outbound);
            _ = PipeAsync(outbound, inbound);
        }
    }

    async Task PipeAsync(TcpClient from, TcpClient to)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream()); }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException) { }
        from.Dispose();
        to.Dispose();
        open.TryRemove(from, out _);
        open.TryRemove(to, out _);
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
