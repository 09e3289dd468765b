using System.Text.Json;

namespace Switchboard.Server.Contacts;

/// <summary>
/// A customer; <see cref="Attributes"/> are what the host page set with <c>Switchboard.setAttributes</c> (an object, or null).
/// Team only: <see cref="Verified"/> (a verified identity), <see cref="Page"/> (where their widget last was), <see cref="Version"/>
/// (grows with every change; a <c>contact.updated</c> with a lower one is stale) and <see cref="MergedIntoId"/> (set once merged away).
/// </summary>
public sealed record ContactResponse(long Id, string? Name, string? Email, DateTimeOffset CreatedAt, JsonElement? Attributes = null)
{
    public long Version { get; init; } = 1;
    public bool Verified { get; init; }
    public ContactPageResponse? Page { get; init; }
    public long? MergedIntoId { get; init; }
}

/// <summary>
/// The page the contact's widget last reported: its URL and title, the browser's language and time zone, and a coarse
/// <see cref="LocationHint"/> the server derives from those two alone (no GeoIP): "Europe/Zurich · CH".
/// </summary>
public sealed record ContactPageResponse(string Url, string? Title, string? Language, string? TimeZone, string? LocationHint, DateTimeOffset SeenAt);

/// <summary>Edit a contact (team): absent fields stay; an empty <c>email</c> clears it. Retrying with the same <c>mutationId</c> changes nothing twice.</summary>
public sealed record UpdateContactRequest(string? MutationId, string? Name, string? Email);

/// <summary>Merge <see cref="DuplicateId"/> into the contact of the route (kept).</summary>
public sealed record MergeContactRequest(string? MutationId, long DuplicateId);

/// <summary>The contact after a write and the seq of its last event (the cursor at which the change is confirmed).</summary>
public sealed record ContactWriteResponse(ContactResponse Contact, long Seq, bool Replayed = false);

/// <summary>The data of <c>contact.merged</c>: who was kept, who was merged away, and the conversations that moved.</summary>
public sealed record ContactMergedData(long KeptId, long MergedId, IReadOnlyList<long> ConversationIds);

/// <summary>The page the widget reports (<c>PUT /api/v1/widget/page</c>).</summary>
public sealed record ReportPageRequest(string? Url, string? Title, string? Language, string? TimeZone);

/// <summary>What a visitor's own widget learns when its contact was merged away: the kept contact (its next session start re-points there).</summary>
public sealed record ContactMergedPublicData(long KeptId);

/// <summary>The answer to a page report: the seq at which it is confirmed.</summary>
public sealed record PageReportResponse(long Seq);
