using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Switchboard.Server.Auth;

/// <summary>
/// Signed visitor sessions: <c>sbv_{payload}.{signature}</c>, where the payload names the workspace,
/// inbox and contact and an expiry, and the signature is HMAC-SHA256 with the workspace's secret.
/// Stateless, so every node verifies them without a lookup beyond the (cached) secret.
/// </summary>
public static class VisitorTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public sealed record Claims(long W, long I, long C, long E);

    public static string Issue(Claims claims, string secret)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(claims);
        return $"{TokenCodec.VisitorPrefix}{TokenCodec.Base64Url(payload)}.{TokenCodec.Base64Url(Sign(payload, secret))}";
    }

    /// <summary>Reads the claims without checking them; the caller must then <see cref="Verify"/> with the workspace's secret.</summary>
    public static (Claims Claims, byte[] Payload, byte[] Signature)? Parse(string token)
    {
        if (!token.StartsWith(TokenCodec.VisitorPrefix, StringComparison.Ordinal)) return null;
        var parts = token[TokenCodec.VisitorPrefix.Length..].Split('.');
        if (parts.Length != 2) return null;
        var payload = TokenCodec.FromBase64Url(parts[0]);
        var signature = TokenCodec.FromBase64Url(parts[1]);
        if (payload is null || signature is null) return null;
        try
        {
            return JsonSerializer.Deserialize<Claims>(payload) is { } claims ? (claims, payload, signature) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool Verify(byte[] payload, byte[] signature, string secret) =>
        CryptographicOperations.FixedTimeEquals(Sign(payload, secret), signature);

    static byte[] Sign(byte[] payload, string secret) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload);
}
