using Switchboard.Core.Conversations;

namespace Switchboard.Server.Conversations;

/// <summary>A conversation with the contact summary its views show.</summary>
public sealed record ConversationRecord(Conversation Conversation, ContactSummary Contact)
{
    public ConversationRecord With(Conversation next) => this with { Conversation = next };
}

public sealed record ContactSummary(long Id, string? Name, string? Email);
