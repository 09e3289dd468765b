namespace Switchboard.Client.Signals;

/// <summary>A bot reply being written (<c>bot.delta</c> pieces so far); <see cref="ReplyId"/> is its final message's <c>clientMessageId</c>.</summary>
public sealed record BotDraft(string ReplyId, string Text);
