using Switchboard.Client.Models;

namespace Switchboard.Client.Api;

public sealed partial class SwitchboardApiClient
{
    /// <summary>The workspace's canned replies and the caller's own personal ones (team only).</summary>
    public async Task<IReadOnlyList<CannedReplyDto>> ListCannedRepliesAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync<ItemsPage<CannedReplyDto>>(HttpMethod.Get, "/api/v1/canned-replies", null, cancellationToken)).Items;

    /// <summary>
    /// Creates a canned reply (<paramref name="scope"/> <c>personal</c>, or <c>workspace</c> for admins). Sending the same
    /// <paramref name="mutationId"/> again answers the first result (<c>Replayed</c>).
    /// </summary>
    public Task<CannedReplyWriteResult> CreateCannedReplyAsync(string mutationId, string shortCode, string title, string text, string scope = "personal",
        CancellationToken cancellationToken = default) =>
        SendAsync<CannedReplyWriteResult>(HttpMethod.Post, "/api/v1/canned-replies", new { mutationId, shortCode, title, text, scope }, cancellationToken);

    /// <summary>Changes the fields given (null: unchanged).</summary>
    public Task<CannedReplyWriteResult> UpdateCannedReplyAsync(long id, string mutationId, string? shortCode = null, string? title = null, string? text = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<CannedReplyWriteResult>(HttpMethod.Patch, $"/api/v1/canned-replies/{id}", new { mutationId, shortCode, title, text }, cancellationToken);

    /// <summary>Deletes a canned reply; answers the seq of its event.</summary>
    public Task<CannedReplyDeleteResult> DeleteCannedReplyAsync(long id, string mutationId, CancellationToken cancellationToken = default) =>
        SendAsync<CannedReplyDeleteResult>(HttpMethod.Delete, $"/api/v1/canned-replies/{id}", new { mutationId }, cancellationToken);
}
