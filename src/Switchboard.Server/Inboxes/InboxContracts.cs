namespace Switchboard.Server.Inboxes;

/// <summary>
/// A channel instance. For a widget inbox, <see cref="PublicToken"/> goes in the page's script tag. <see cref="TeamId"/>
/// (issue 20): the team whose operators see its conversations; null, every operator.
/// </summary>
public sealed record InboxResponse(long Id, string Name, string Channel, string PublicToken, DateTimeOffset CreatedAt, long? TeamId = null);

public sealed record CreateInboxRequest(string? Name, string? Channel);
