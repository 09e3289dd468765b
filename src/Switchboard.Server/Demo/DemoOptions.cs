namespace Switchboard.Server.Demo;

/// <summary>The demo workspace created on an empty database (<c>--no-demo</c> turns it off).</summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Password of the demo admin and operator; random (and printed) when not given.</summary>
    public string? Password { get; set; }
}
