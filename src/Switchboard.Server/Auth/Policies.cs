namespace Switchboard.Server.Auth;

/// <summary>The authorization policies endpoints are grouped under.</summary>
public static class Policies
{
    /// <summary>Operators, admins and API keys of the workspace.</summary>
    public const string Team = "team";
    /// <summary>Admins and admin API keys.</summary>
    public const string Admin = "admin";
    /// <summary>Website visitors with a widget session.</summary>
    public const string Visitor = "visitor";
    /// <summary>Anyone in a conversation: the team, or the visitor whose conversation it is (checked per resource).</summary>
    public const string Participant = "participant";
}
