namespace Switchboard.Server.Bots;

/// <summary>The payload of <c>bot.reply</c>: answer customer message <see cref="MessageId"/> (stored at <see cref="MessageSeq"/>).</summary>
public sealed record BotReplyJob(long ConversationId, long MessageId, long MessageSeq);

/// <summary>The payload of <c>bot.greet</c>: greet a conversation that has just started with the bot active.</summary>
public sealed record BotGreetingJob(long ConversationId);
