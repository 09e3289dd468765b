namespace Switchboard.Server.Inboxes;

/// <summary>A widget inbox as the widget's hot paths need it: who owns it, its name, its stored settings JSON (or null).</summary>
public sealed record InboxWidgetRow(long Id, long WorkspaceId, string Name, string PublicToken, string? WidgetSettings);
