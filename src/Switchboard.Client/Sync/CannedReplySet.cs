using System.Text.Json;
using Switchboard.Client.Models;

namespace Switchboard.Client.Sync;

/// <summary>
/// The canned replies a caller may use, kept current: loaded from the snapshot, then changed by the
/// <c>canned_reply.*</c> events after its cursor. Versions decide, and a deleted id never comes back (ids are never
/// reused), so a late or repeated event is harmless. The TypeScript SDK's <c>CannedReplySet</c> is the same.
/// </summary>
public sealed class CannedReplySet
{
    readonly Dictionary<long, CannedReplyDto> byId = [];
    readonly HashSet<long> deleted = [];

    /// <summary>Every reply by short code; for one code, the personal reply first.</summary>
    public IReadOnlyList<CannedReplyDto> All => byId.Values
        .OrderBy(r => r.ShortCode, StringComparer.Ordinal).ThenBy(r => r.Scope == "personal" ? 0 : 1).ThenBy(r => r.Id).ToList();

    /// <summary>Replaces the set (after a reset) or merges into it by version.</summary>
    public void Load(IEnumerable<CannedReplyDto> replies, bool replace)
    {
        if (replace)
        {
            byId.Clear();
            deleted.Clear();
        }
        foreach (var r in replies) if (IsValid(r)) Upsert(r);
    }

    /// <summary>
    /// Applies a <c>canned_reply.*</c> event: true when it was one (its data applied, or skipped whole when unreadable),
    /// false for any other type.
    /// </summary>
    public bool Apply(StreamEvent e)
    {
        if (e.Type is not ("canned_reply.updated" or "canned_reply.deleted")) return false;
        if (e.Data.ValueKind != JsonValueKind.Object) return true;
        try
        {
            if (e.Type == "canned_reply.updated")
            {
                if (e.Data.Deserialize<CannedReplyDto>(SyncJson.Options) is { } reply && IsValid(reply)) Upsert(reply);
            }
            else if (e.Data.TryGetProperty("id", out var id) && id.TryGetInt64(out var gone) && gone > 0)
            {
                deleted.Add(gone);
                byId.Remove(gone);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // Unreadable data is skipped whole; the event's seq still counts.
        }
        return true;
    }

    // Strict: an unknown scope (a later "team") or a reply without a code is not guessed at.
    static bool IsValid(CannedReplyDto r) => r.Id > 0 && r.Scope is "workspace" or "personal" && r.ShortCode.Length > 0 && r.Text.Length > 0;

    void Upsert(CannedReplyDto r)
    {
        if (deleted.Contains(r.Id)) return;
        if (!byId.TryGetValue(r.Id, out var known) || known.Version < r.Version) byId[r.Id] = r;
    }
}
