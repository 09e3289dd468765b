namespace Switchboard.Server.Labels;

/// <summary>A workspace label: a name unique in the workspace (regardless of case), a <c>#rrggbb</c> colour, an optional description.</summary>
public sealed record LabelResponse(long Id, string Name, string Colour, string? Description, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Create a label. Retrying with the same <c>mutationId</c> answers with the label it created.</summary>
public sealed record CreateLabelRequest(string? MutationId, string? Name, string? Colour, string? Description);

/// <summary>Change a label: absent fields stay as they are; an empty <c>description</c> clears it.</summary>
public sealed record UpdateLabelRequest(string? MutationId, string? Name, string? Colour, string? Description);

/// <summary>The data of <c>label.deleted</c>: which label, at the version its deletion gave it.</summary>
public sealed record LabelDeletedData(long Id, long Version);

/// <summary>The answer to a deletion: the event's seq and how many conversations lost the label.</summary>
public sealed record LabelDeletedResponse(long Id, long Seq, int ConversationsChanged);

/// <summary>
/// Add and remove labels on a conversation in one change. Adding a label it has, or removing one it has not, changes
/// nothing; retrying with the same <c>mutationId</c> answers with the first result.
/// </summary>
public sealed record ConversationLabelsRequest(string? MutationId, IReadOnlyList<long>? Add, IReadOnlyList<long>? Remove);

/// <summary>One label's conversations over local days <c>from</c>..<c>to</c>: opened (created) and resolved in the period, open now.</summary>
public sealed record LabelStats(long LabelId, string Name, string Colour, long Opened, long Resolved, long OpenNow);

public sealed record LabelStatsResponse(string From, string To, string TimeZone, IReadOnlyList<LabelStats> Items);
