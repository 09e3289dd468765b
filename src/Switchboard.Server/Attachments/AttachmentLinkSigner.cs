using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Attachments;

/// <summary>
/// Signs and checks download links: HMAC-SHA256 over <c>id:variant:exp</c> (exp in Unix seconds). The key is created
/// once, kept in <c>signing_keys</c> protected by Data Protection (whose key ring is in the database too), so every
/// node of a cluster signs and checks with the same key; it never leaves the server.
/// </summary>
public sealed class AttachmentLinkSigner(Database database, IDataProtectionProvider dataProtection, TimeProvider clock, IOptions<AttachmentOptions> options)
{
    const string KeyName = "attachment-links";
    public const string Original = "original";
    public const string Thumbnail = "thumbnail";

    readonly IDataProtector protector = dataProtection.CreateProtector("Switchboard.Attachments.LinkKey.v1");
    readonly SemaphoreSlim loading = new(1, 1);
    byte[]? key;

    public async Task<AttachmentLinkResponse> LinkAsync(AttachmentRow attachment, CancellationToken cancellationToken)
    {
        var expiresAt = clock.GetUtcNow() + options.Value.LinkLifetime;
        var exp = expiresAt.ToUnixTimeSeconds();
        var url = await UrlAsync(attachment.Id, Original, exp, cancellationToken);
        var thumbnail = attachment.HasThumbnail ? await UrlAsync(attachment.Id, Thumbnail, exp, cancellationToken) : null;
        return new AttachmentLinkResponse(url, thumbnail, DateTimeOffset.FromUnixTimeSeconds(exp));
    }

    async Task<string> UrlAsync(long id, string variant, long exp, CancellationToken cancellationToken)
    {
        var signature = await SignAsync(id, variant, exp, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"/api/v1/attachments/{id}/content?v={variant}&exp={exp}&sig={signature}");
    }

    /// <summary>The seconds the link has left when its signature is right and it has not expired; null otherwise.</summary>
    public async Task<long?> CheckAsync(long id, string? variant, long? exp, string? signature, CancellationToken cancellationToken)
    {
        if (variant is not (Original or Thumbnail) || exp is not { } expires || string.IsNullOrEmpty(signature)) return null;
        var left = expires - clock.GetUtcNow().ToUnixTimeSeconds();
        if (left <= 0) return null;
        var expected = Encoding.ASCII.GetBytes(await SignAsync(id, variant, expires, cancellationToken));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? left : null;
    }

    async Task<string> SignAsync(long id, string variant, long exp, CancellationToken cancellationToken)
    {
        var mac = HMACSHA256.HashData(await KeyAsync(cancellationToken), Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}:{variant}:{exp}")));
        return Base64Url(mac);
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (key is { } known) return known;
        await loading.WaitAsync(cancellationToken);
        try
        {
            return key ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            loading.Release();
        }
    }

    async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        var created = protector.Protect(RandomNumberGenerator.GetBytes(32));
        // Every node may race to create it: the first insert wins, and everyone reads the winner's.
        var stored = await database.WriteGlobalAsync(async (c, tx) =>
        {
            await c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO signing_keys (name, protected_key, created_at) VALUES (@KeyName, @created, @now) ON CONFLICT (name) DO NOTHING",
                new { KeyName, created = Convert.ToBase64String(created), now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: cancellationToken));
            return await c.QuerySingleAsync<string>(new CommandDefinition(
                "SELECT protected_key FROM signing_keys WHERE name = @KeyName", new { KeyName }, tx, cancellationToken: cancellationToken));
        }, cancellationToken);
        return protector.Unprotect(Convert.FromBase64String(stored));
    }
}
