using System.Globalization;
using System.Text;
using Dapper;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;

namespace Switchboard.Server.Conversations;

/// <summary>
/// Filters of <c>GET /api/v1/conversations</c>, newest activity first, with an opaque keyset cursor
/// (<c>next</c>) so pages stay stable while conversations move.
/// </summary>
public sealed record ConversationListQuery(
    string? State, string? Assignee, long? InboxId, bool? BotActive, DateTimeOffset? UpdatedSince, string? Q, int? Limit, string? Cursor,
    string? Snoozed = null)
{
    public const int MaxLimit = 100;

    /// <summary>Only conversations carrying this label (team only: a visitor's conversations never show labels).</summary>
    public long? LabelId { get; init; }

    /// <summary>Only this contact's conversations (team only: the contact panel's history).</summary>
    public long? ContactId { get; init; }

    public (string Where, DynamicParameters Args, int Limit) ToSql(Caller caller)
    {
        var where = new StringBuilder("cv.workspace_id = @workspaceId");
        var args = new DynamicParameters(new { workspaceId = caller.WorkspaceId });
        if (caller.IsVisitor)
        {
            where.Append(" AND cv.contact_id = @contactId");
            args.Add("contactId", caller.ContactId);
        }
        where.Append(Teams.ConversationScope.Sql(caller));
        if (!string.IsNullOrWhiteSpace(State))
        {
            var states = State.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => EnumText.ToText(EnumText.ParseInput<ConversationState>(s, "state"))).ToArray();
            var names = states.Select((_, i) => $"@state{i}").ToArray();
            for (var i = 0; i < states.Length; i++) args.Add($"state{i}", states[i]);
            where.Append($" AND cv.state IN ({string.Join(", ", names)})");
        }
        switch (Assignee)
        {
            case null or "": break;
            case "me" when caller.MemberId is { } me:
                where.Append(" AND cv.assignee_id = @assignee");
                args.Add("assignee", me);
                break;
            case "none":
                where.Append(" AND cv.assignee_id IS NULL");
                break;
            default:
                if (!long.TryParse(Assignee, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    throw new DomainException("assignee_invalid", "assignee must be me, none or a member id.", DomainErrorKind.Invalid);
                where.Append(" AND cv.assignee_id = @assignee");
                args.Add("assignee", id);
                break;
        }
        if (InboxId is { } inbox)
        {
            where.Append(" AND cv.inbox_id = @inboxId");
            args.Add("inboxId", inbox);
        }
        if (BotActive is { } bot)
        {
            where.Append(" AND cv.bot_active = @botActive");
            args.Add("botActive", bot);
        }
        if (UpdatedSince is { } since)
        {
            where.Append(" AND cv.updated_at >= @updatedSince");
            args.Add("updatedSince", since.ToUnixTimeMilliseconds());
        }
        if (LabelId is { } label)
        {
            if (caller.IsVisitor) throw new DomainException("label_filter_forbidden", "Labels are for the team only.", DomainErrorKind.Forbidden);
            where.Append(" AND ").Append(Labels.LabelIdList.CarriesLabelSql);
            args.Add("labelPattern", Labels.LabelIdList.Pattern(label));
        }
        if (ContactId is { } contact)
        {
            if (caller.IsVisitor) throw new DomainException("contact_filter_forbidden", "The contact filter is for the team only.", DomainErrorKind.Forbidden);
            where.Append(" AND cv.contact_id = @filterContactId");
            args.Add("filterContactId", contact);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            if (Q.Length > 100) throw new DomainException("q_invalid", "q must be at most 100 characters.", DomainErrorKind.Invalid);
            where.Append(" AND LOWER(ct.name) LIKE @q");
            args.Add("q", "%" + Q.Trim().ToLowerInvariant().Replace("%", "").Replace("_", "") + "%");
        }
        // Snoozed conversations leave the active lists: they are listed only when asked for (docs/api.md).
        switch (Snoozed)
        {
            case null or "" or "false": where.Append(" AND ").Append(ConversationStore.Awake); break;
            case "true": where.Append(" AND ").Append(ConversationStore.Asleep); break;
            case "any": break;
            default: throw new DomainException("snoozed_invalid", "snoozed must be true, false or any.", DomainErrorKind.Invalid);
        }
        if (Cursor is not null)
        {
            var (activity, lastId) = DecodeCursor(Cursor);
            where.Append(" AND (cv.activity_at < @cursorActivity OR (cv.activity_at = @cursorActivity AND cv.id < @cursorId))");
            args.Add("cursorActivity", activity);
            args.Add("cursorId", lastId);
        }
        var limit = Limit ?? 50;
        if (limit is < 1 or > MaxLimit) throw new DomainException("limit_invalid", $"limit must be 1 to {MaxLimit}.", DomainErrorKind.Invalid);
        return (where.ToString(), args, limit);
    }

    public static string EncodeCursor(long activityAt, long id) =>
        TokenCodec.Base64Url(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{activityAt}:{id}")));

    static (long, long) DecodeCursor(string cursor)
    {
        var bytes = TokenCodec.FromBase64Url(cursor);
        var parts = bytes is null ? [] : Encoding.UTF8.GetString(bytes).Split(':');
        if (parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var a)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b))
            return (a, b);
        throw new DomainException("cursor_invalid", "The cursor is not one this server issued.", DomainErrorKind.Invalid);
    }
}
