namespace Switchboard.Server.WhatsApp;

/// <summary>
/// A media download that did not work: <see cref="Permanent"/> when trying again cannot help (the media id is unknown
/// or expired, the file is larger than any attachment may be), else worth retrying (429, 5xx, no answer, cut off).
/// </summary>
public sealed class WhatsAppMediaException(string reason, bool permanent) : Exception($"WhatsApp media: {reason}")
{
    public string Reason { get; } = reason;
    public bool Permanent { get; } = permanent;
}
