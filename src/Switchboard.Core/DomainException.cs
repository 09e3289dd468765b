namespace Switchboard.Core;

/// <summary>
/// A request the domain refuses. <see cref="Code"/> is a stable machine-readable error code
/// (for example <c>conversation_not_queued</c>) that the HTTP layer turns into ProblemDetails.
/// </summary>
public sealed class DomainException(string code, string message, DomainErrorKind kind = DomainErrorKind.Conflict)
    : Exception(message)
{
    public string Code { get; } = code;
    public DomainErrorKind Kind { get; } = kind;

    /// <summary>Facts a client needs to act on the refusal (who owns a conversation), sent beside <see cref="Code"/>.</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; init; }
}

/// <summary>How a refusal maps onto HTTP: invalid input, not found, or a conflict with current state.</summary>
public enum DomainErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    Unauthorized,
    PreconditionFailed,
}
