namespace Switchboard.Server.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    /// <summary>An API key of an external bot: its messages are the bot's, and it may hand off; nothing else of the team's.</summary>
    public const string Bot = "bot";

    /// <summary>Roles a member can have.</summary>
    public static bool IsValid(string? role) => role is Admin or Operator;

    /// <summary>Roles an API key can have: a member's, or the bot's.</summary>
    public static bool IsValidForApiKey(string? role) => IsValid(role) || role == Bot;
}
