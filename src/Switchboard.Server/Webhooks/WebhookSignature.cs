using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Server.Webhooks;

/// <summary>
/// <c>X-Switchboard-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" with the subscription's secret&gt;</c>.
/// Signing the timestamp lets receivers refuse replays of old deliveries.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Switchboard-Signature";

    public static string Compute(string secret, long timestamp, string body) =>
        string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Mac(secret, timestamp, body)}");

    /// <summary>What a receiver does: recompute and compare in constant time, and refuse timestamps outside the tolerance.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)) return false;
        if (!parts.TryGetValue("v1", out var v1)) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(secret, timestamp, body)), Encoding.ASCII.GetBytes(v1));
    }

    static string Mac(string secret, long timestamp, string body) => Convert.ToHexStringLower(HMACSHA256.HashData(
        Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{body}"))));
}
