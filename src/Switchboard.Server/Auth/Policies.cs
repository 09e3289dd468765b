namespace Switchboard.Server.Auth;

/// <summary>The authorization policies endpoints are grouped under.</summary>
public static class Policies
{
    /// <summary>Operators, admins and their API keys (not bot keys).</summary>
    public const string Team = "team";
    /// <summary>Whoever may answer a customer and hand off: the team and bot API keys.</summary>
    public const string Responder = "responder";
    /// <summary>Admins and admin API keys.</summary>
    public const string Admin = "admin";
    /// <summary>Website visitors with a widget session.</summary>
    public const string Visitor = "visitor";
    /// <summary>Anyone in a conversation: the team, or the visitor whose conversation it is (checked per resource).</summary>
    public const string Participant = "participant";
}
