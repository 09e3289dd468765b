using System.Text.Json;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Contacts;
using Switchboard.Server.Conversations;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Widget;

/// <summary>What a visitor's host page and the visitor tell the team about themselves: custom attributes, an email for the answer.</summary>
public sealed class WidgetContactService(Database database, MessageService messages, TimeProvider clock)
{
    public Task SetAttributesAsync(Caller visitor, Dictionary<string, JsonElement>? attributes, CancellationToken cancellationToken) =>
        database.WriteGlobalAsync(async (c, tx) =>
        {
            var contactId = visitor.ContactId!.Value;
            var merged = ContactAttributes.Merge(await ContactStore.AttributesAsync(c, tx, contactId, cancellationToken), attributes);
            await ContactStore.SetAttributesAsync(c, tx, contactId, merged, clock.GetUtcNow(), cancellationToken);
            return 0;
        }, cancellationToken);

    /// <summary>Stores the email on the contact and leaves the team a note in the visitor's conversation, so someone answers there.</summary>
    public async Task LeaveEmailAsync(Caller visitor, string? email, CancellationToken cancellationToken)
    {
        var address = WidgetService.Optional(email, 254, "email");
        if (address is null || !address.Contains('@') || address.StartsWith('@') || address.EndsWith('@') || address.Any(char.IsWhiteSpace))
            throw new DomainException("email_invalid", "email must be an email address.", DomainErrorKind.Invalid);
        var conversationId = await database.WriteGlobalAsync(async (c, tx) =>
        {
            await ContactStore.UpdateProfileAsync(c, tx, visitor.ContactId!.Value, null, address, clock.GetUtcNow(), cancellationToken);
            return await ConversationStore.LatestIdAsync(c, tx, visitor.InboxId!.Value, visitor.ContactId!.Value, cancellationToken);
        }, cancellationToken);
        if (conversationId is not { } id) return;
        // One note per address: leaving the same email twice does not repeat it.
        await messages.PostAsync(new MessagePost(visitor.WorkspaceId, Author.System, id,
            new PostMessageRequest($"email-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(address)))[..32]}",
                $"The visitor left an email for the answer: {address}", null, IsNote: true)), cancellationToken);
    }
}
