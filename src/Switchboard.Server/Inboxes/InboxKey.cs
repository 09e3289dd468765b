namespace Switchboard.Server.Inboxes;

/// <summary>An inbox and the workspace it belongs to, as a public token resolves them.</summary>
public sealed record InboxKey(long Id, long WorkspaceId);
