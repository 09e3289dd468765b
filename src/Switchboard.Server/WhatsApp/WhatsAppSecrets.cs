using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Encrypts an inbox's access token, app secret and verify token at rest with ASP.NET Core Data Protection. Where
/// the keys live is configured once for the host (database-backed storage); this class only uses the provider.
/// </summary>
public sealed class WhatsAppSecrets(IDataProtectionProvider provider, ILogger<WhatsAppSecrets> logger)
{
    public const string Purpose = "Switchboard.WhatsApp.Secrets";

    readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(string secret) => protector.Protect(secret);

    /// <summary>Decrypts a stored secret, or throws naming the inbox when the key ring no longer has its key.</summary>
    public string Unprotect(long inboxId, string stored) =>
        TryUnprotect(inboxId, stored, out var secret)
            ? secret
            : throw new InvalidOperationException($"The secrets of WhatsApp inbox {inboxId} cannot be decrypted; set them again.");

    /// <summary>Decrypts a stored secret; false (and an error logged) when the key ring lost its key.</summary>
    public bool TryUnprotect(long inboxId, string stored, out string secret)
    {
        try
        {
            secret = protector.Unprotect(stored);
            return true;
        }
        catch (CryptographicException ex)
        {
            WhatsAppLog.SecretsUnreadable(logger, inboxId, ex);
            secret = "";
            return false;
        }
    }
}
