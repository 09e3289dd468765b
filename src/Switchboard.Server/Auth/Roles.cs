namespace Switchboard.Server.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";

    public static bool IsValid(string? role) => role is Admin or Operator;
}
