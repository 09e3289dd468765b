using System.Globalization;
using System.Text;
using Dapper;
using Switchboard.Core;
using Switchboard.Core.Conversations;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;

namespace Switchboard.Server.Search;

/// <summary>
/// The filters of a search, each one SQL clause on the conversation (<c>cv</c>) or the hit's date: state (a comma
/// list), assignee (<c>me</c>, <c>none</c> or a member id), inbox, and a date range (<c>from</c> inclusive, <c>to</c>
/// exclusive), and a label (conversations carrying it, as the conversation list's <c>labelId</c>).
/// </summary>
public sealed record SearchFilters(string? State, string? Assignee, long? InboxId, DateTimeOffset? From, DateTimeOffset? To)
{
    public long? LabelId { get; init; }

    /// <summary>
    /// The clauses, each starting with " AND ", and their parameters added to <paramref name="args"/>.
    /// <paramref name="dateColumn"/> is what the date range applies to: the message's creation, or the conversation's activity.
    /// </summary>
    public string ToSql(Caller caller, DynamicParameters args, string dateColumn)
    {
        // Never beyond the caller's scope (issue 20, teams): a hit in a conversation they may not see is not a hit.
        var where = new StringBuilder(Teams.ConversationScope.Sql(caller));
        if (!string.IsNullOrWhiteSpace(State))
        {
            var states = State.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => EnumText.ToText(EnumText.ParseInput<ConversationState>(s, "state"))).ToArray();
            for (var i = 0; i < states.Length; i++) args.Add($"state{i}", states[i]);
            where.Append($" AND cv.state IN ({string.Join(", ", states.Select((_, i) => $"@state{i}"))})");
        }
        switch (Assignee)
        {
            case null or "": break;
            case "none":
                where.Append(" AND cv.assignee_id IS NULL");
                break;
            case "me":
                args.Add("assignee", caller.MemberId
                    ?? throw new DomainException("assignee_invalid", "assignee=me needs a signed-in member; an API key names the member id.", DomainErrorKind.Invalid));
                where.Append(" AND cv.assignee_id = @assignee");
                break;
            default:
                if (!long.TryParse(Assignee, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    throw new DomainException("assignee_invalid", "assignee must be me, none or a member id.", DomainErrorKind.Invalid);
                args.Add("assignee", id);
                where.Append(" AND cv.assignee_id = @assignee");
                break;
        }
        if (InboxId is { } inbox)
        {
            args.Add("inboxId", inbox);
            where.Append(" AND cv.inbox_id = @inboxId");
        }
        if (LabelId is { } label)
        {
            args.Add("labelPattern", Labels.LabelIdList.Pattern(label));
            where.Append(" AND ").Append(Labels.LabelIdList.CarriesLabelSql);
        }
        if (From is { } from && To is { } to && from >= to)
            throw new DomainException("search_range_invalid", "from must be before to.", DomainErrorKind.Invalid);
        if (From is { } since)
        {
            args.Add("from", since.ToUnixTimeMilliseconds());
            where.Append($" AND {dateColumn} >= @from");
        }
        if (To is { } until)
        {
            args.Add("to", until.ToUnixTimeMilliseconds());
            where.Append($" AND {dateColumn} < @to");
        }
        return where.ToString();
    }
}
