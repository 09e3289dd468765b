namespace Switchboard.Server.Presence;

/// <summary>A member's presence, stored and sent as <c>online</c>, <c>away</c>, <c>offline</c>.</summary>
public enum PresenceStatus
{
    /// <summary>Active and available: automatic assignment gives them conversations.</summary>
    Online,
    /// <summary>Active but not taking new conversations; keeps the ones they own until idle.</summary>
    Away,
    /// <summary>No activity for the workspace's idle timeout (or never signed in); owns no conversations.</summary>
    Offline,
}
