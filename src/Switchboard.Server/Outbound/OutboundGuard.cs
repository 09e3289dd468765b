using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Switchboard.Core;

namespace Switchboard.Server.Outbound;

/// <summary>
/// Keeps outgoing requests off internal addresses (<see cref="InternalAddresses"/>) unless <see cref="OutboundOptions"/>
/// allows them: when an admin saves a URL (its host as written and as it resolves now) and when a connection is opened
/// (the address actually dialled, so a name that resolves elsewhere later, DNS rebinding, or a redirect gains nothing).
/// </summary>
public sealed class OutboundGuard(IOptions<OutboundOptions> options)
{
    public const string ErrorCode = "url_internal";

    /// <summary>Refuses (400 <c>url_internal</c>) a URL whose host is, or resolves to, an internal address. Unresolvable hosts pass: the connection decides.</summary>
    public async Task CheckAsync(string? url, string field, CancellationToken cancellationToken)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || IsAllowedHost(uri.IdnHost)) return;
        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal)) addresses = [literal];
        else
        {
            try { addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken); }
            catch (SocketException) { return; }
        }
        if (addresses.Any(InternalAddresses.Contains))
            throw new DomainException(ErrorCode,
                $"{field} points to an internal address (loopback, link-local, private or this server). An administrator can allow the host with Outbound:AllowedHosts.",
                DomainErrorKind.Invalid) { Details = new Dictionary<string, object?> { ["field"] = field } };
    }

    /// <summary><see cref="SocketsHttpHandler.ConnectCallback"/>: dials the first allowed address of the host, never an internal one.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = IsAllowedHost(host) ? addresses : addresses.Where(a => !InternalAddresses.Contains(a)).ToArray();
        if (allowed.Length == 0)
            throw new OutboundRefusedException($"Refused to connect to {host}: it resolves to an internal address (Outbound:AllowedHosts can allow it).");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    bool IsAllowedHost(string host) =>
        options.Value.AllowInternalAddresses || options.Value.AllowedHosts.Any(h => string.Equals(h.Trim().Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));
}
