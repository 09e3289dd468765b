namespace Switchboard.Server.Inboxes;

/// <summary>A channel instance. For a widget inbox, <see cref="PublicToken"/> goes in the page's script tag.</summary>
public sealed record InboxResponse(long Id, string Name, string Channel, string PublicToken, DateTimeOffset CreatedAt);

public sealed record CreateInboxRequest(string? Name, string? Channel);
