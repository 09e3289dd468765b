using Switchboard.Server.EventLog;

namespace Switchboard.Server.Bots;

/// <summary>
/// Whether the bot answers a conversation of an inbox now. The widget's business hours say no outside hours unless the
/// inbox lets the bot answer then; without an implementation the bot always answers.
/// </summary>
public interface IBotHours
{
    ValueTask<bool> BotAnswersNowAsync(WriteContext w, long inboxId);
}
