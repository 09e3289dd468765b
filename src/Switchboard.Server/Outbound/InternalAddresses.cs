using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Switchboard.Server.Outbound;

/// <summary>
/// Addresses an outgoing request must not reach unless allowed: loopback, unspecified, link-local (cloud metadata at
/// 169.254.169.254), private (RFC 1918, unique local fc00::/7), shared (100.64/10), multicast, broadcast and reserved
/// ranges, and every address of this machine's own interfaces.
/// </summary>
public static class InternalAddresses
{
    static readonly (IPAddress Network, int Bits)[] Ranges =
    [
        (IPAddress.Parse("0.0.0.0"), 8), (IPAddress.Parse("10.0.0.0"), 8), (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8), (IPAddress.Parse("169.254.0.0"), 16), (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24), (IPAddress.Parse("192.168.0.0"), 16), (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("224.0.0.0"), 4), (IPAddress.Parse("240.0.0.0"), 4),
        (IPAddress.Parse("::"), 128), (IPAddress.Parse("::1"), 128), (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10), (IPAddress.Parse("ff00::"), 8),
    ];

    public static bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        // NAT64 (64:ff9b::/96) reaches the IPv4 address in its last four bytes.
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && InRange(address, IPAddress.Parse("64:ff9b::"), 96))
            address = new IPAddress(address.GetAddressBytes()[12..]);
        return Ranges.Any(r => InRange(address, r.Network, r.Bits)) || IsOwn(address);
    }

    static bool InRange(IPAddress address, IPAddress network, int bits)
    {
        if (address.AddressFamily != network.AddressFamily) return false;
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var i = 0; i < bits / 8; i++)
            if (a[i] != n[i]) return false;
        var rest = bits % 8;
        return rest == 0 || (a[bits / 8] >> (8 - rest)) == (n[bits / 8] >> (8 - rest));
    }

    /// <summary>The server itself, by any of its own (possibly public) addresses.</summary>
    static bool IsOwn(IPAddress address)
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Any(u => u.Address.Equals(address));
        }
        catch (NetworkInformationException)
        {
            return false;
        }
    }
}
