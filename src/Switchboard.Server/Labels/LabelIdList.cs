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

    /// <summary>A condition true when <paramref name="column"/> holds the id bound to <paramref name="parameter"/> as <see cref="Pattern"/>.</summary>
    public static string ContainsSql(string column, string parameter) => $"(',' || {column} || ',') LIKE @{parameter}";

    public static string Pattern(long labelId) => string.Create(CultureInfo.InvariantCulture, $"%,{labelId},%");
}
