using System.Globalization;
using System.Security.Claims;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Auth;

/// <summary>The authenticated caller of a request, read from its claims. Every query is scoped by <see cref="WorkspaceId"/>.</summary>
public sealed record Caller(CallerKind Kind, long WorkspaceId, string? Role, long? MemberId, long? ContactId, long? ApiKeyId, string? Name, string? SessionTokenHash = null)
{
    public const string Scheme = "Switchboard";

    /// <summary>The widget inbox a visitor session belongs to.</summary>
    public long? InboxId { get; init; }

    /// <summary>
    /// The teams of an operator, read with their session on every request: they see the conversations of inboxes with
    /// no team or of these teams (<see cref="Switchboard.Core.Teams.TeamVisibility"/>). Null: sees every conversation
    /// of the workspace (admins, API keys; visitors are scoped by contact instead).
    /// </summary>
    public IReadOnlyList<long>? TeamIds { get; init; }

    public bool IsTeam => Kind is CallerKind.Member or CallerKind.ApiKey;
    public bool IsAdmin => IsTeam && Role == Roles.Admin;
    public bool IsVisitor => Kind == CallerKind.Visitor;
    /// <summary>An external bot's API key: what it writes is the bot's.</summary>
    public bool IsBot => Kind == CallerKind.ApiKey && Role == Roles.Bot;

    public Actor Actor => Kind switch
    {
        CallerKind.Member => Actor.Member(MemberId!.Value),
        CallerKind.ApiKey => Actor.ApiKey(ApiKeyId!.Value),
        _ => Actor.Contact(ContactId!.Value),
    };

    public ClaimsPrincipal ToPrincipal()
    {
        var claims = new List<Claim>
        {
            new("sb:kind", Kind.ToString()),
            new("sb:ws", WorkspaceId.ToString(CultureInfo.InvariantCulture)),
        };
        if (Role is not null) claims.Add(new Claim(ClaimTypes.Role, Role));
        if (MemberId is { } m) claims.Add(new Claim("sb:member", m.ToString(CultureInfo.InvariantCulture)));
        if (ContactId is { } c) claims.Add(new Claim("sb:contact", c.ToString(CultureInfo.InvariantCulture)));
        if (ApiKeyId is { } k) claims.Add(new Claim("sb:key", k.ToString(CultureInfo.InvariantCulture)));
        if (InboxId is { } i) claims.Add(new Claim("sb:inbox", i.ToString(CultureInfo.InvariantCulture)));
        if (TeamIds is { } teams) claims.Add(new Claim("sb:teams", string.Join(',', teams.Select(t => t.ToString(CultureInfo.InvariantCulture)))));
        if (Name is not null) claims.Add(new Claim(ClaimTypes.Name, Name));
        if (SessionTokenHash is not null) claims.Add(new Claim("sb:session", SessionTokenHash));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static Caller From(ClaimsPrincipal user)
    {
        if (user.FindFirst("sb:kind")?.Value is not { } kind)
            throw new InvalidOperationException("The endpoint needs an authenticated caller; is its authorization policy missing?");
        return new Caller(
            Enum.Parse<CallerKind>(kind),
            Long(user, "sb:ws")!.Value,
            user.FindFirst(ClaimTypes.Role)?.Value,
            Long(user, "sb:member"),
            Long(user, "sb:contact"),
            Long(user, "sb:key"),
            user.FindFirst(ClaimTypes.Name)?.Value,
            user.FindFirst("sb:session")?.Value) { InboxId = Long(user, "sb:inbox"), TeamIds = Teams(user) };
    }

    static long[]? Teams(ClaimsPrincipal user) => user.FindFirst("sb:teams")?.Value is { } v
        ? v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray()
        : null;

    static long? Long(ClaimsPrincipal user, string type) =>
        user.FindFirst(type)?.Value is { } v ? long.Parse(v, CultureInfo.InvariantCulture) : null;
}
