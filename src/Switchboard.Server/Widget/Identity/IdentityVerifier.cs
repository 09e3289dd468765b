using System.Data.Common;
using Switchboard.Core;
using Switchboard.Server.Contacts;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Storage;
using Switchboard.Server.Widget.Settings;

namespace Switchboard.Server.Widget.Identity;

/// <summary>Checks a claimed identity against the inbox's secret and finds (or creates) the verified contact it names.</summary>
public sealed class IdentityVerifier(Database database, WidgetSecrets secrets, TimeProvider clock)
{
    public const string Invalid = "identity_invalid";
    public const string Required = "identity_required";

    /// <summary>The checked identity (trimmed), null when none was claimed; a claim that does not verify is <c>403 identity_invalid</c>.</summary>
    public async Task<WidgetIdentityRequest?> VerifyAsync(WidgetInbox inbox, WidgetIdentityRequest? claim, CancellationToken cancellationToken)
    {
        if (claim is null) return null;
        var userId = claim.UserId?.Trim();
        if (string.IsNullOrEmpty(userId) || userId.Length > 200)
            throw new DomainException(Invalid, "identity.userId must be 1 to 200 characters.", DomainErrorKind.Invalid);
        var stored = await database.ReadAsync((c, tx) => InboxStore.IdentitySecretAsync(c, tx, inbox.Id, cancellationToken), cancellationToken);
        var secret = secrets.Unprotect(inbox.Id, stored);
        if (secret is null || !IdentityHash.Verify(secret, userId, claim.Hash))
            throw new DomainException(Invalid, "The identity's hash does not match: sign the user id with this inbox's identity secret (HMAC-SHA256, hex).",
                DomainErrorKind.Forbidden);
        return new WidgetIdentityRequest(userId, WidgetService.Optional(claim.Name, 100, "name"), WidgetService.Optional(claim.Email, 254, "email"), null);
    }

    /// <summary>Refuses an unverified visitor when the inbox requires identities.</summary>
    public static void EnsureAllowed(WidgetInbox inbox, bool verified)
    {
        if (!verified && inbox.Settings.IdentityVerification == "required")
            throw new DomainException(Required, "This inbox only talks to signed-in users: start the session with a verified identity.", DomainErrorKind.Forbidden);
    }

    public static DomainException Missing() => new(Invalid, "identity (userId and hash) is required.", DomainErrorKind.Invalid);

    /// <summary>The verified contact of the identity's user id in this workspace, created on first use; a given name or email updates it.</summary>
    public async Task<long> FindOrCreateContactAsync(DbConnection c, DbTransaction tx, long workspaceId, WidgetIdentityRequest identity, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await ContactStore.FindByIdentityAsync(c, tx, workspaceId, ContactStore.VerifiedChannel, identity.UserId!, cancellationToken) is { } id)
        {
            if (identity.Name is not null || identity.Email is not null)
                await ContactStore.UpdateProfileAsync(c, tx, id, identity.Name, identity.Email, now, cancellationToken);
            return id;
        }
        return await ContactStore.CreateAsync(c, tx, workspaceId, identity.Name, identity.Email, now, ContactStore.VerifiedChannel, identity.UserId!, cancellationToken);
    }
}
