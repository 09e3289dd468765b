using Switchboard.Core.CannedReplies;
using Switchboard.Server.Common;

namespace Switchboard.Server.CannedReplies;

/// <summary>A <c>canned_replies</c> row.</summary>
public sealed class CannedReplyRow
{
    public const string Columns = "id, workspace_id, scope, owner_id, short_code, title, body, version, created_by, created_at, updated_at";
    public const string WorkspaceScope = "workspace";
    public const string PersonalScope = "personal";

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public string Scope { get; set; } = "";
    /// <summary>0 for the workspace scope, else the owner (the member for a personal reply).</summary>
    public long OwnerId { get; set; }
    public string ShortCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public long Version { get; set; }
    public long? CreatedBy { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public bool IsPersonal => Scope == PersonalScope;

    /// <summary>The member who alone may see this reply and its events, or null when the whole team may.</summary>
    public long? Addressee => IsPersonal ? OwnerId : null;

    public CannedReplyResponse ToResponse() =>
        new(Id, Scope, IsPersonal ? OwnerId : null, ShortCode, Title, Body, Version, Time.FromMs(CreatedAt), Time.FromMs(UpdatedAt));

    public static string ScopeName(CannedReplyScope scope) => scope == CannedReplyScope.Personal ? PersonalScope : WorkspaceScope;
}
