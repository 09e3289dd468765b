namespace Switchboard.Server.Observability;

/// <summary>
/// The Prometheus scrape at <c>/metrics</c>. Off unless <see cref="Token"/> is set: the figures tell how busy each
/// workspace's node is and which routes are called, so the endpoint is never anonymous.
/// </summary>
public sealed class MetricsOptions
{
    public const string Path = "/metrics";

    /// <summary>The bearer token a scraper sends (<c>Authorization: Bearer …</c>); empty turns metrics off.</summary>
    public string? Token { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(Token);

    /// <summary>Short tokens can be guessed; 16 characters is the least a scrape secret should have.</summary>
    public bool IsValid() => !Enabled || Token!.Length >= 16;
}
