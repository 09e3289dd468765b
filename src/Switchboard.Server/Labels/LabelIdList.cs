using System.Globalization;
using Switchboard.Core.Conversations;

namespace Switchboard.Server.Labels;

/// <summary>
/// How a conversation's labels are stored in <c>conversations.label_ids</c>: ascending ids joined by commas, '' for none.
/// Both databases match one id with the same <c>LIKE</c> on the list wrapped in commas.
/// </summary>
public static class LabelIdList
{
    public static LabelIdSet Parse(string? text) => string.IsNullOrEmpty(text)
        ? LabelIdSet.Empty
        : new LabelIdSet(text.Split(',').Select(id => long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture)));

    public static string Format(IEnumerable<long> ids) => string.Join(',', ids.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The one condition "the conversation <c>cv</c> carries the label" (the list filter, search, a label's deletion):
    /// bind <c>@labelPattern</c> to <see cref="Pattern"/> of the label's id.
    /// </summary>
    public const string CarriesLabelSql = "(',' || cv.label_ids || ',') LIKE @labelPattern";

    public static string Pattern(long labelId) => string.Create(CultureInfo.InvariantCulture, $"%,{labelId},%");
}
