namespace Switchboard.Server.WhatsApp;

/// <summary>A template send as stored in the message's details: the approved template's name, its language and the body parameters.</summary>
public sealed record WhatsAppTemplate(string Name, string Language, IReadOnlyList<string> Parameters);
