namespace Switchboard.Client.Sync;

/// <summary>
/// Ordinals <see cref="From"/>..<see cref="To"/> (inclusive) of a conversation are all held; <see cref="To"/> is
/// <see cref="long.MaxValue"/> for the live edge, which the stream extends.
/// </summary>
public readonly record struct OrdinalRange(long From, long To)
{
    /// <summary>True for the live edge.</summary>
    public bool IsLive => To == long.MaxValue;
}
