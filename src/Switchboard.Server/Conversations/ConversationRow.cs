using Switchboard.Core.Conversations;
using Switchboard.Server.Common;

namespace Switchboard.Server.Conversations;

/// <summary>A <c>conversations</c> row joined with its contact's name and email and its inbox's channel.</summary>
public class ConversationRow
{
    public const string Columns = """
        cv.id, cv.workspace_id, cv.inbox_id, cv.contact_id, cv.state, cv.bot_active, cv.assignee_id,
               cv.message_count, cv.last_message_at, cv.last_message_preview, cv.unread_count, cv.contact_unread_count,
               cv.handoff_reason, cv.last_customer_seq, cv.queued_at, cv.version, cv.created_at, cv.updated_at, cv.label_ids,
               cv.snoozed_until, cv.snooze_until_reply, cv.wake_reason,
               ct.name AS contact_name, ct.email AS contact_email, ct.attributes AS contact_attributes, ib.channel AS inbox_channel, ib.team_id AS inbox_team_id
        """;
    public const string From = "FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id JOIN inboxes ib ON ib.id = cv.inbox_id";
    public const string Select = $"SELECT {Columns} {From}";

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public long InboxId { get; set; }
    public long ContactId { get; set; }
    public string State { get; set; } = "";
    public bool BotActive { get; set; }
    public long? AssigneeId { get; set; }
    public int MessageCount { get; set; }
    public long? LastMessageAt { get; set; }
    public string? LastMessagePreview { get; set; }
    public int UnreadCount { get; set; }
    public int ContactUnreadCount { get; set; }
    public string? HandoffReason { get; set; }
    public long LastCustomerSeq { get; set; }
    public long? QueuedAt { get; set; }
    public long? SnoozedUntil { get; set; }
    public bool SnoozeUntilReply { get; set; }
    public string? WakeReason { get; set; }
    public long Version { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public string LabelIds { get; set; } = "";
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactAttributes { get; set; }
    public string InboxChannel { get; set; } = "";
    public long? InboxTeamId { get; set; }

    public ConversationRecord ToRecord() => new(new Conversation
    {
        Id = Id,
        WorkspaceId = WorkspaceId,
        InboxId = InboxId,
        ContactId = ContactId,
        State = EnumText.Parse<ConversationState>(State),
        BotActive = BotActive,
        AssigneeId = AssigneeId,
        MessageCount = MessageCount,
        LastMessageAt = Time.FromMs(LastMessageAt),
        LastMessagePreview = LastMessagePreview,
        UnreadCount = UnreadCount,
        ContactUnreadCount = ContactUnreadCount,
        HandoffReason = HandoffReason,
        LastCustomerMessageSeq = LastCustomerSeq,
        QueuedAt = Time.FromMs(QueuedAt),
        SnoozedUntil = Time.FromMs(SnoozedUntil),
        SnoozeUntilReply = SnoozeUntilReply,
        WakeReason = WakeReason is null ? null : EnumText.Parse<WakeReason>(WakeReason),
        Version = Version,
        CreatedAt = Time.FromMs(CreatedAt),
        UpdatedAt = Time.FromMs(UpdatedAt),
        LabelIds = Labels.LabelIdList.Parse(LabelIds),
    }, new ContactSummary(ContactId, ContactName, ContactEmail, Contacts.ContactAttributes.Parse(ContactAttributes))) { Channel = InboxChannel, InboxTeamId = InboxTeamId };
}

/// <summary>A conversation read for a send, with the id of the message already stored under the send's client id, if any.</summary>
public sealed class ConversationSendRow : ConversationRow
{
    public long? StoredMessageId { get; set; }
}

/// <summary>A row of a list query, with the sort key the keyset cursor continues from.</summary>
public sealed class ConversationActivityRow : ConversationRow
{
    public long SortActivity { get; set; }
}
