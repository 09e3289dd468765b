namespace Switchboard.Server.CannedReplies;

/// <summary>
/// A canned reply as its viewers see it. <c>scope</c> is <c>"workspace"</c> (<c>ownerId</c> null) or <c>"personal"</c>
/// (<c>ownerId</c> = the member who alone sees it). <c>text</c> may hold placeholders such as <c>{{contact.name}}</c>,
/// filled by the composer when the reply is inserted.
/// </summary>
public sealed record CannedReplyResponse(long Id, string Scope, long? OwnerId, string ShortCode, string Title, string Text, long Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Create a canned reply: <c>scope</c> defaults to <c>"personal"</c>; <c>"workspace"</c> is for admins.</summary>
public sealed record CreateCannedReplyRequest(string? MutationId, string? ShortCode, string? Title, string? Text, string? Scope = null);

/// <summary>Change the fields given (the scope never changes: delete and create instead).</summary>
public sealed record UpdateCannedReplyRequest(string? MutationId, string? ShortCode = null, string? Title = null, string? Text = null);

/// <summary>Delete a canned reply; <c>mutationId</c> makes a retry answer like the first time.</summary>
public sealed record DeleteCannedReplyRequest(string? MutationId);

/// <summary>A create or change: the reply as written and the seq of its event (<c>replayed</c>: a retry, answered from the first time).</summary>
public sealed record CannedReplyWriteResponse(CannedReplyResponse CannedReply, long Seq, bool Replayed);

/// <summary>A delete: the id gone and the seq of its event.</summary>
public sealed record CannedReplyDeleteResponse(long Id, long Seq, bool Replayed);

/// <summary>The data of <c>canned_reply.deleted</c>: enough for a client to drop it from its set.</summary>
public sealed record CannedReplyDeletedData(long Id, string Scope, long? OwnerId);
