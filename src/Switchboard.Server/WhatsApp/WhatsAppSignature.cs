using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Server.WhatsApp;

/// <summary><c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the raw body with the app secret&gt;</c>, as Meta signs webhooks.</summary>
public static class WhatsAppSignature
{
    public const string Header = "X-Hub-Signature-256";
    const string Prefix = "sha256=";

    public static string Compute(string appSecret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>Recomputes the MAC over the exact bytes received and compares in constant time.</summary>
    public static bool Verify(string appSecret, string? header, ReadOnlySpan<byte> body)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return false;
        var hex = header.AsSpan(Prefix.Length).Trim();
        if (hex.Length != 64) return false;
        Span<byte> claimed = stackalloc byte[32];
        if (Convert.FromHexString(hex, claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32) return false;
        Span<byte> actual = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }
}
