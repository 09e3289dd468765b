namespace Switchboard.Client.Sync;

/// <summary>
/// A change to a conversation. Null fields stay as they are. To unassign, set <see cref="ChangeAssignee"/>
/// with a null <see cref="AssigneeId"/>.
/// </summary>
public sealed record ConversationPatch
{
    /// <summary>Switch the bot on or off.</summary>
    public bool? BotActive { get; init; }
    /// <summary>Resolve (true) or reopen (false).</summary>
    public bool? Resolved { get; init; }
    /// <summary>Whether <see cref="AssigneeId"/> is part of the change.</summary>
    public bool ChangeAssignee { get; init; }
    /// <summary>The new assignee, or null to unassign (with <see cref="ChangeAssignee"/>).</summary>
    public long? AssigneeId { get; init; }
    /// <summary>Snooze, or <see cref="SnoozeChange.Wake"/> to unsnooze / dismiss the wake marker. Sent on its own endpoint, so alone.</summary>
    public SnoozeChange? Snooze { get; init; }

    /// <summary>The method, path and body that carry this change.</summary>
    public (string Method, string Path, Dictionary<string, object?> Body) ToRequest(long conversationId, string mutationId)
    {
        if (Snooze is null) return ("PATCH", $"/api/v1/conversations/{conversationId}", ToBody(mutationId));
        var body = new Dictionary<string, object?> { ["mutationId"] = mutationId };
        if (Snooze.IsWake) return ("POST", $"/api/v1/conversations/{conversationId}/unsnooze", body);
        if (Snooze.Until is { } until) body["until"] = until;
        else body["untilReply"] = true;
        return ("POST", $"/api/v1/conversations/{conversationId}/snooze", body);
    }

    /// <summary>The PATCH body for this change.</summary>
    public Dictionary<string, object?> ToBody(string mutationId)
    {
        var body = new Dictionary<string, object?> { ["mutationId"] = mutationId };
        if (BotActive is { } bot) body["botActive"] = bot;
        if (Resolved is { } resolved) body["resolved"] = resolved;
        if (ChangeAssignee) body["assigneeId"] = AssigneeId;
        return body;
    }
}
