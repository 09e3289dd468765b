namespace Switchboard.Server.Bots.Config;

/// <summary>Where the external bot's webhook goes and the secret it is signed with (decrypted: never log it).</summary>
public sealed record ExternalBotSettings(Uri? Url, string? Secret);
