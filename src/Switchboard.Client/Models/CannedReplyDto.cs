namespace Switchboard.Client.Models;

/// <summary>
/// A canned reply: <see cref="Scope"/> <c>workspace</c> (every member uses it) or <c>personal</c> (its
/// <see cref="OwnerId"/> alone sees it). <see cref="Text"/> may hold placeholders (<c>{{contact.name}}</c> …), filled by
/// <see cref="Sync.CannedReplyPlaceholders.Fill"/>.
/// </summary>
public sealed record CannedReplyDto
{
    /// <summary>Reply id.</summary>
    public long Id { get; init; }
    /// <summary><c>workspace</c> or <c>personal</c>.</summary>
    public string Scope { get; init; } = "";
    /// <summary>The member who alone sees a personal reply; null for a workspace reply.</summary>
    public long? OwnerId { get; init; }
    /// <summary>Lower-case letters, digits, '-' and '_': what an operator types after '/'.</summary>
    public string ShortCode { get; init; } = "";
    /// <summary>What the list shows beside the code.</summary>
    public string Title { get; init; } = "";
    /// <summary>The text, with placeholders.</summary>
    public string Text { get; init; } = "";
    /// <summary>Entity version.</summary>
    public long Version { get; init; }
    /// <summary>Created at.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Last changed at.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The answer to a create or change: the reply and the seq of its event.</summary>
public sealed record CannedReplyWriteResult(CannedReplyDto CannedReply, long Seq, bool Replayed);

/// <summary>The answer to a delete: the id and the seq of its event.</summary>
public sealed record CannedReplyDeleteResult(long Id, long Seq, bool Replayed);
