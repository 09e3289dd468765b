namespace Switchboard.Client.Sync;

/// <summary>
/// A write the store wants sent. <see cref="Key"/> is the mutation's idempotency id
/// (<c>clientMessageId</c> or <c>mutationId</c>): every attempt of the same write carries the same key,
/// so the server applies it once however often it arrives.
/// </summary>
public sealed record OutgoingRequest(string Key, string Method, string Path, IReadOnlyDictionary<string, object?> Body, int Attempt);
