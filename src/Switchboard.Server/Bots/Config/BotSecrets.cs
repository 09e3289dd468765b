using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Switchboard.Server.Bots.Config;

/// <summary>
/// Encrypts the bots' secrets at rest (LLM API key, external bot signing secret) with ASP.NET Core Data Protection,
/// whose key ring lives in the database so every node can decrypt. Each workspace has its own purpose, so a
/// ciphertext copied into another workspace's row does not decrypt there.
/// </summary>
public sealed class BotSecrets(IDataProtectionProvider provider, ILogger<BotSecrets> logger)
{
    readonly IDataProtector root = provider.CreateProtector("Switchboard.Bots.Secrets.v1");

    public string Protect(long workspaceId, string secret) => For(workspaceId).Protect(secret);

    /// <summary>The plaintext, or null when nothing is stored or the key that encrypted it is gone (logged).</summary>
    public string? Unprotect(long workspaceId, string? stored)
    {
        if (stored is null) return null;
        try
        {
            return For(workspaceId).Unprotect(stored);
        }
        catch (CryptographicException ex)
        {
            BotsLog.SecretUnreadable(logger, workspaceId, ex);
            return null;
        }
    }

    IDataProtector For(long workspaceId) => root.CreateProtector(workspaceId.ToString(CultureInfo.InvariantCulture));
}
