using Switchboard.Core.Conversations;

namespace Switchboard.Server.Conversations;

/// <summary>A conversation with the contact summary its views show.</summary>
public sealed record ConversationRecord(Conversation Conversation, ContactSummary Contact)
{
    /// <summary>Its inbox's channel (<c>InboxChannels</c>): read with the conversation, so a reply learns its send policy at no extra cost.</summary>
    public string Channel { get; init; } = "";

    /// <summary>Its inbox's team (issue 20), read with it: who may see it (<see cref="Switchboard.Core.Teams.TeamVisibility"/>).</summary>
    public long? InboxTeamId { get; init; }

    public ConversationRecord With(Conversation next) => this with { Conversation = next };
}

/// <summary>The contact as a conversation shows it; <see cref="Attributes"/> (the host page's custom attributes) for the team only.</summary>
public sealed record ContactSummary(long Id, string? Name, string? Email, System.Text.Json.JsonElement? Attributes = null);
