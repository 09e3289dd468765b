namespace Switchboard.Core.Events;

/// <summary>The durable event types of the log (DESIGN §4). Ephemeral signals are not listed here: they are never stored.</summary>
public static class EventTypes
{
    public const string MessageCreated = "message.created";
    public const string MessageStatus = "message.status";
    public const string ConversationUpdated = "conversation.updated";
    public const string ConversationRead = "conversation.read";
    public const string MemberUpdated = "member.updated";
    /// <summary>A widget inbox's settings changed: the team gets the settings, the inbox's visitors its public configuration.</summary>
    public const string InboxUpdated = "inbox.updated";
    /// <summary>A workspace label was created or changed (team only): its snapshot.</summary>
    public const string LabelUpdated = "label.updated";
    /// <summary>A workspace label was deleted (team only); the conversations that carried it get their own <c>conversation.updated</c>.</summary>
    public const string LabelDeleted = "label.deleted";
    /// <summary>A canned reply was created or changed: data is the reply (a personal one reaches its owner alone).</summary>
    public const string CannedReplyUpdated = "canned_reply.updated";
    /// <summary>A canned reply was deleted: data is <c>{ id, scope, ownerId }</c>.</summary>
    public const string CannedReplyDeleted = "canned_reply.deleted";
    /// <summary>A contact changed (a team member's edit, the page its widget reports, a merge into it): the team gets its snapshot.</summary>
    public const string ContactUpdated = "contact.updated";
    /// <summary>A contact was merged into another (team: <c>{ keptId, mergedId, conversationIds }</c>; the merged-away visitor: <c>{ keptId }</c>).</summary>
    public const string ContactMerged = "contact.merged";
    /// <summary>A resolution's rating was requested, given or changed: data is <c>{ csat }</c> (the visitor's copy reaches the conversation's contact).</summary>
    public const string CsatUpdated = "csat.updated";
    /// <summary>A team was created or changed (name, members, inboxes; team only): its snapshot. Operators' streams reset at it.</summary>
    public const string TeamUpdated = "team.updated";
    /// <summary>A team was deleted (team only): data is <c>{ id, version }</c>; its inboxes have no team from then on.</summary>
    public const string TeamDeleted = "team.deleted";

    /// <summary>
    /// A channel's download of an attachment finished (ready) or gave up (failed): data is <c>{ conversationId, messageId,
    /// attachment }</c>, scoped as its message (the contact's copy only when the message is not a note).
    /// </summary>
    public const string AttachmentUpdated = "attachment.updated";

    /// <summary>Events that change which conversations an operator sees: their streams end with a <c>reset</c> at them.</summary>
    public static bool ChangesScope(string type) => type is TeamUpdated or TeamDeleted;
}
