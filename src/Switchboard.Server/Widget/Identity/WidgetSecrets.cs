using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Switchboard.Server.Auth;

namespace Switchboard.Server.Widget.Identity;

/// <summary>
/// The per-inbox identity-verification secrets, encrypted at rest with Data Protection (key ring in the database, as
/// the bots' secrets): the server must read the plaintext back to check an HMAC, so a hash would not do. The purpose
/// names the inbox, so a ciphertext copied into another inbox's row does not decrypt there.
/// </summary>
public sealed class WidgetSecrets(IDataProtectionProvider provider)
{
    readonly IDataProtector root = provider.CreateProtector("Switchboard.Widget.IdentitySecret.v1");

    public static string NewSecret() => "sbi_" + TokenCodec.Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Protect(long inboxId, string secret) => For(inboxId).Protect(secret);

    /// <summary>The plaintext, or null when none was issued or the key that encrypted it is gone (then no identity verifies).</summary>
    public string? Unprotect(long inboxId, string? stored)
    {
        if (stored is null) return null;
        try
        {
            return For(inboxId).Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    IDataProtector For(long inboxId) => root.CreateProtector(inboxId.ToString(CultureInfo.InvariantCulture));
}
