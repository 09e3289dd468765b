using Switchboard.Core;

namespace Switchboard.Server.Teams;

/// <summary>What a team's fields may hold; every refusal is a 400 that changes nothing.</summary>
public static class TeamRules
{
    public const int MaxNameLength = 60;
    public const int MaxPerWorkspace = 100;
    public const int MaxMembers = 500;

    public static string Name(string? name)
    {
        var n = name?.Trim() ?? "";
        if (n.Length is 0 or > MaxNameLength)
            throw new DomainException("name_invalid", $"name must be 1 to {MaxNameLength} characters.", DomainErrorKind.Invalid);
        return n;
    }

    public static string NameKey(string name) => name.Trim().ToLowerInvariant();

    /// <summary>The member ids, ascending and without repeats.</summary>
    public static long[] MemberIds(IReadOnlyList<long> ids)
    {
        if (ids.Count > MaxMembers) throw new DomainException("member_ids_invalid", $"A team has at most {MaxMembers} members.", DomainErrorKind.Invalid);
        if (ids.Any(id => id <= 0)) throw new DomainException("member_ids_invalid", "memberIds must be member ids.", DomainErrorKind.Invalid);
        return ids.Distinct().Order().ToArray();
    }
}
