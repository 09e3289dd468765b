namespace Switchboard.Server.Realtime;

/// <summary>The body of <c>POST /api/v1/conversations/{id}/typing</c>: <c>start</c> (the default) or <c>stop</c>.</summary>
public sealed record TypingRequest(string? State);
