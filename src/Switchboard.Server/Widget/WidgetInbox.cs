using Switchboard.Server.Widget.Settings;

namespace Switchboard.Server.Widget;

/// <summary>A widget inbox with its settings parsed once: what the CORS check and the public config read from the cache.</summary>
public sealed record WidgetInbox(long Id, long WorkspaceId, string Name, string PublicToken, WidgetSettings Settings, IReadOnlyList<OriginPattern> Origins)
{
    /// <summary>Whether a cross-origin page at <paramref name="origin"/> may embed this inbox's widget.</summary>
    public bool Allows(OriginPattern origin) => Origins.Any(p => p.Matches(origin));
}
