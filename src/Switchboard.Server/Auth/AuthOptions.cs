namespace Switchboard.Server.Auth;

/// <summary>Authentication settings, bound from <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>How often a node re-checks the sessions and keys of its open streams, to end those revoked on another node.</summary>
    public TimeSpan StreamRecheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    public bool IsValid() => StreamRecheckInterval > TimeSpan.Zero;
}
