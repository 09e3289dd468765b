namespace Switchboard.Server.Auth;

/// <summary>What kind of credential authenticated a request.</summary>
public enum CallerKind
{
    /// <summary>An operator or admin with a session (bearer token or dashboard cookie).</summary>
    Member,
    /// <summary>An integration with an API key; acts with the key's role.</summary>
    ApiKey,
    /// <summary>A website visitor with a signed widget session bound to one contact.</summary>
    Visitor,
}
