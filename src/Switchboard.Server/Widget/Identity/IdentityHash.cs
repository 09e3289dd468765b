using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Server.Widget.Identity;

/// <summary>
/// Identity verification: the host site's server signs its user's id, <c>hex(HMAC-SHA256(key: secret, message: userId))</c>
/// (UTF-8 both), and the widget passes it along. Only a site that holds the inbox's secret can claim an identity.
/// </summary>
public static class IdentityHash
{
    public static string Compute(string secret, string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(userId)));

    /// <summary>Compares in constant time, so the answer's timing tells nothing about how much of a forged hash was right.</summary>
    public static bool Verify(string secret, string userId, string? hash)
    {
        if (hash is null || hash.Length != 64) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(secret, userId));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(hash.ToLowerInvariant()));
    }
}
