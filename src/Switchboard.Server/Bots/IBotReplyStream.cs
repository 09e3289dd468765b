namespace Switchboard.Server.Bots;

/// <summary>Where an engine streams its reply while writing it: each piece reaches the conversation's viewers as a <c>bot.delta</c> signal.</summary>
public interface IBotReplyStream
{
    /// <summary>Never blocks; a viewer that is not connected, or too slow, misses the piece (the stored message is the truth).</summary>
    void Delta(string text);
}
