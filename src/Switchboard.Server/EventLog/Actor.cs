namespace Switchboard.Server.EventLog;

/// <summary>Who caused an event: a member, an API key, a contact (visitor), the bot or the system.</summary>
public sealed record Actor(string Type, long? Id)
{
    public static readonly Actor System = new("system", null);
    public static readonly Actor Bot = new("bot", null);
    public static Actor Member(long id) => new("member", id);
    public static Actor Contact(long id) => new("contact", id);
    public static Actor ApiKey(long id) => new("api_key", id);
}
