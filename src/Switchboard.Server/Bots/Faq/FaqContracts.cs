namespace Switchboard.Server.Bots.Faq;

public sealed record FaqEntryResponse(long Id, string Question, string Answer, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Create (both fields) or change (the fields given) an FAQ entry.</summary>
public sealed record FaqEntryRequest(string? Question, string? Answer);

/// <summary>What the knowledge-base bot would make of a question: the best entries and whether it would answer.</summary>
public sealed record FaqSearchResponse(IReadOnlyList<FaqMatchResponse> Matches, double ConfidenceThreshold, bool WouldAnswer);

public sealed record FaqMatchResponse(long Id, string Question, string Answer, double Confidence, double Score);
