using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Server.Auth;

/// <summary>Random tokens and their hashes. Only hashes of session tokens and API keys are stored.</summary>
public static class TokenCodec
{
    public const string SessionPrefix = "sbm_";
    public const string ApiKeyPrefix = "sbk_";
    public const string VisitorPrefix = "sbv_";

    public static string NewToken(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[]? FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        try { return Convert.FromBase64String(s); }
        catch (FormatException) { return null; }
    }
}
