namespace Switchboard.Server.Inboxes;

/// <summary>The channels an inbox can be: what <c>inboxes.channel</c> holds.</summary>
public static class InboxChannels
{
    public const string Widget = "widget";
    /// <summary>WhatsApp inboxes carry credentials, so they are created with <c>POST /api/v1/whatsapp/inboxes</c>.</summary>
    public const string WhatsApp = "whatsapp";
}
