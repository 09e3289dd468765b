namespace Switchboard.Server.Messages;

/// <summary>
/// What a message is. Everything is shown as its text; a message of another kind keeps its kind, the channel's
/// media id and its details so nothing a customer sent is lost, and so a renderer can do better later.
/// </summary>
public static class MessageKinds
{
    public const string Text = "text";
    /// <summary>A WhatsApp message template, the only thing WhatsApp lets a business send outside the 24-hour window.</summary>
    public const string Template = "template";
    /// <summary>
    /// A question with answers to pick with one tap (the bot asking which FAQ entry the customer means); the text names
    /// them too, for clients that show no buttons. Details: <see cref="QuickRepliesDetails"/>.
    /// </summary>
    public const string QuickReplies = "quick_replies";

}
