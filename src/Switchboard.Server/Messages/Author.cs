using Switchboard.Core.Messages;
using Switchboard.Server.Auth;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Messages;

/// <summary>Who is writing a message: resolved from the caller, or the bot/system acting on its own.</summary>
public sealed record Author(SenderRole Role, long? MemberId, long? ContactId, string? Name, Actor Actor)
{
    public static readonly Author Bot = new(SenderRole.Bot, null, null, "Bot", Actor.Bot);
    /// <summary>Switchboard itself: automatic replies and notes that change no conversation state.</summary>
    public static readonly Author System = new(SenderRole.System, null, null, "Switchboard", Actor.System);

    public bool IsTeam => Role is SenderRole.Operator or SenderRole.Bot or SenderRole.System;

    public static Author From(Caller caller) => caller.Kind switch
    {
        CallerKind.Visitor => new Author(SenderRole.Customer, null, caller.ContactId, null, caller.Actor),
        CallerKind.Member => new Author(SenderRole.Operator, caller.MemberId, null, caller.Name, caller.Actor),
        // An external bot answers through the API with its own key: its messages are the bot's (and need the bot switch on).
        CallerKind.ApiKey when caller.IsBot => new Author(SenderRole.Bot, null, null, caller.Name ?? "Bot", caller.Actor),
        _ => new Author(SenderRole.Operator, null, null, caller.Name, caller.Actor),
    };

    /// <summary>The id stored as the message's sender: the member for operators, the contact for customers.</summary>
    public long? SenderId => Role == SenderRole.Customer ? ContactId : MemberId;
}
