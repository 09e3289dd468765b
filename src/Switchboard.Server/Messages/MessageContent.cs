namespace Switchboard.Server.Messages;

/// <summary>
/// The parts of a message beyond its text: its <see cref="Kind"/> (see <see cref="MessageKinds"/>), the channel's
/// <see cref="MediaId"/> of an attachment, <see cref="Details"/> as JSON (a template's name and parameters, a
/// location's coordinates), and the channel's own id for it (<see cref="ExternalId"/>, a WhatsApp wamid).
/// </summary>
public sealed record MessageContent(string Kind, string? MediaId = null, string? Details = null, string? ExternalId = null)
{
    public static readonly MessageContent Text = new(MessageKinds.Text);
}
