namespace Switchboard.Server.Presence;

/// <summary>Set your own presence: <c>online</c> or <c>away</c> (offline is what idleness makes you).</summary>
public sealed record SetPresenceRequest(string? Status);
