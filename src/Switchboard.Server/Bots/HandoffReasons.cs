using System.ClientModel;
using Switchboard.Server.Bots.Config;
using Switchboard.Server.Bots.External;

namespace Switchboard.Server.Bots;

/// <summary>
/// Why an engine's turn handed off, in words an operator reads in the queue, with the <c>bot.reply.end</c> reason code
/// beside it. Exception types and messages stay in the logs (<see cref="BotsLog.EngineFailed"/>), never here.
/// </summary>
public static class HandoffReasons
{
    /// <summary>The engine ran past the reply timeout.</summary>
    public static BotOutcome Stalled(BotEngineKind engine, TimeSpan timeout) => BotOutcome.Handoff(
        engine == BotEngineKind.Llm ? "The AI service stopped answering" : $"The bot did not answer within {timeout.TotalSeconds:0} s",
        ReplyEndReasons.Stalled);

    /// <summary>The engine threw: a cut connection or another failure.</summary>
    public static BotOutcome Failed(BotEngineKind engine, Exception ex)
    {
        if (IsCut(ex)) return BotOutcome.Handoff($"{Service(engine)} closed the connection", ReplyEndReasons.Cut);
        return BotOutcome.Handoff(engine == BotEngineKind.Llm ? LlmFailure(ex) : "The bot failed: " + OtherFailure(ex), ReplyEndReasons.Error);
    }

    static string Service(BotEngineKind engine) => engine == BotEngineKind.Llm ? "The AI service" : "The bot's service";

    /// <summary>A response that ended mid-answer surfaces as an <see cref="IOException"/> (HttpIOException), possibly wrapped.</summary>
    static bool IsCut(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is IOException) return true;
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }) return true;
        }
        return false;
    }

    static string LlmFailure(Exception ex) => ex switch
    {
        ClientResultException { Status: > 0 } c => $"The AI service returned an error (HTTP {c.Status})",
        HttpRequestException { StatusCode: { } status } => $"The AI service returned an error (HTTP {(int)status})",
        ClientResultException or HttpRequestException => "The AI service could not be reached",
        _ => "The AI service failed",
    };

    static string OtherFailure(Exception ex) => ex switch
    {
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpRequestException => "the bot's endpoint could not be reached",
        ExternalBotException e => e.Message,
        _ => "an unexpected error",
    };
}
