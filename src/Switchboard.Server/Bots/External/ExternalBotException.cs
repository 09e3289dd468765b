namespace Switchboard.Server.Bots.External;

/// <summary>The external bot refused its webhook (a non-2xx answer): the runner hands off with this as the reason.</summary>
public sealed class ExternalBotException(string message) : Exception(message);
