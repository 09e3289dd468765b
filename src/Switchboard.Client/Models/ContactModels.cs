using System.Text.Json;

namespace Switchboard.Client.Models;

/// <summary>
/// A customer as the team's contact panel shows them (<c>GET /contacts/{id}</c>, the data of <c>contact.updated</c>).
/// <see cref="Version"/> grows with every change; <see cref="MergedIntoId"/> is set once merged into another contact.
/// </summary>
public sealed record ContactDetailsDto
{
    /// <summary>The contact's id.</summary>
    public long Id { get; init; }
    /// <summary>The name (set by the visitor or a team member).</summary>
    public string? Name { get; init; }
    /// <summary>The email, lower-case.</summary>
    public string? Email { get; init; }
    /// <summary>When the contact was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Custom attributes the host page set: a flat JSON object, or null.</summary>
    public JsonElement? Attributes { get; init; }
    /// <summary>Has a verified identity (the host site's user id, proven by its HMAC).</summary>
    public bool Verified { get; init; }
    /// <summary>The page the contact's widget last reported, or null.</summary>
    public ContactPageDto? Page { get; init; }
    /// <summary>Grows with every change: a <c>contact.updated</c> with a lower one is stale.</summary>
    public long Version { get; init; } = 1;
    /// <summary>Set once merged into another contact: show that one instead.</summary>
    public long? MergedIntoId { get; init; }
}

/// <summary>The page the contact's widget last reported; <see cref="LocationHint"/> is derived from the language and time zone alone.</summary>
public sealed record ContactPageDto(string Url, string? Title, string? Language, string? TimeZone, string? LocationHint, DateTimeOffset SeenAt);

/// <summary>The contact after an edit or merge, the seq at which it is confirmed, and whether it was a retry's answer.</summary>
public sealed record ContactWriteResult(ContactDetailsDto Contact, long Seq, bool Replayed);

/// <summary>The data of <c>contact.merged</c> (team copy).</summary>
public sealed record ContactMergedDto(long KeptId, long MergedId, IReadOnlyList<long> ConversationIds);
