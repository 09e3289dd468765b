using System.Text.Json;
using Switchboard.Client.Models;

namespace Switchboard.Client.Sync;

/// <summary>
/// The contacts a client has seen in <c>contact.updated</c> events (or loaded from the API), by version, so a late or
/// repeated event never brings an older copy back; <c>contact.merged</c> marks the merged-away one. The TypeScript
/// SDK's <c>ContactSet</c> is the same.
/// </summary>
public sealed class ContactSet
{
    readonly Dictionary<long, ContactDetailsDto> byId = [];

    /// <summary>The contact as last known, or null when never seen.</summary>
    public ContactDetailsDto? Get(long id) => byId.GetValueOrDefault(id);

    /// <summary>Merges a contact read from the API, by version.</summary>
    public void Load(ContactDetailsDto contact) => Upsert(contact);

    /// <summary>Applies a <c>contact.*</c> event: true when it was one (applied, or skipped whole when unreadable), false otherwise.</summary>
    public bool Apply(StreamEvent e)
    {
        if (e.Type is not ("contact.updated" or "contact.merged")) return false;
        if (e.Data.ValueKind != JsonValueKind.Object) return true;
        try
        {
            if (e.Type == "contact.updated")
            {
                if (e.Data.Deserialize<ContactDetailsDto>(SyncJson.Options) is { Id: > 0 } contact) Upsert(contact);
            }
            else if (e.Data.Deserialize<ContactMergedDto>(SyncJson.Options) is { KeptId: > 0, MergedId: > 0 } merged
                && byId.TryGetValue(merged.MergedId, out var gone) && gone.MergedIntoId != merged.KeptId)
            {
                byId[merged.MergedId] = gone with { MergedIntoId = merged.KeptId, Version = gone.Version + 1 };
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // Unreadable data is skipped whole; the event's seq still counts.
        }
        return true;
    }

    void Upsert(ContactDetailsDto c)
    {
        if (!byId.TryGetValue(c.Id, out var known) || known.Version < c.Version) byId[c.Id] = c;
    }
}
