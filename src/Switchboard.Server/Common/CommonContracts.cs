namespace Switchboard.Server.Common;

/// <summary>A page of items; <see cref="Next"/> is the opaque cursor of the following page, or null at the end.</summary>
public sealed record ItemsResponse<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// The answer to a write: the entity after it and the <see cref="Seq"/> of the event it produced, so the
/// client knows its change is confirmed once its stream cursor reaches that seq.
/// </summary>
public sealed record WriteResponse<T>(T Data, long Seq);
