namespace Switchboard.Bench.Targets;

/// <summary>A visitor with its own conversation.</summary>
public sealed record Visitor(string Token, long ConversationId);

/// <summary>
/// Who takes part in a run: operator sessions (each may hold many dashboard connections), visitors with a
/// conversation each, and the workspace cursor to stream from.
/// </summary>
public sealed record BenchSetup(IReadOnlyList<string> OperatorTokens, IReadOnlyList<Visitor> Visitors, long Cursor);
