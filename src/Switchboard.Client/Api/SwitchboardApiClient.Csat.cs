using Switchboard.Client.Models;

namespace Switchboard.Client.Api;

/// <summary>Customer satisfaction (docs/api.md, "Customer satisfaction"): the visitor's rating and the team's statistics.</summary>
public sealed partial class SwitchboardApiClient
{
    /// <summary>
    /// The visitor rates a request of their own conversation: 1 to 5, an optional comment (at most 1000 characters).
    /// Retry with the same <paramref name="mutationId"/>: it never rates twice. 409 <c>csat_closed</c> after its window.
    /// </summary>
    public Task<CsatWriteResult> SubmitCsatAsync(long conversationId, long requestId, int rating, string? comment, string mutationId,
        CancellationToken cancellationToken = default) =>
        SendAsync<CsatWriteResult>(HttpMethod.Post, $"/api/v1/conversations/{conversationId}/csat", new { mutationId, requestId, rating, comment }, cancellationToken);

    /// <summary>Ratings given on local days <paramref name="from"/>..<paramref name="to"/> (yyyy-MM-dd; default the last 7 days), per operator, label and day.</summary>
    public Task<CsatStatsDto> GetCsatStatsAsync(string? from = null, string? to = null, CancellationToken cancellationToken = default) =>
        SendAsync<CsatStatsDto>(HttpMethod.Get, "/api/v1/stats/csat" + Query(("from", from), ("to", to)), null, cancellationToken);

    /// <summary>The same as CSV (one row for the total, then per operator, label and day).</summary>
    public async Task<string> GetCsatStatsCsvAsync(string? from = null, string? to = null, CancellationToken cancellationToken = default)
    {
        using var response = await Http.GetAsync("/api/v1/stats/csat.csv" + Query(("from", from), ("to", to)), cancellationToken);
        if (!response.IsSuccessStatusCode) await ThrowProblemAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
