using Switchboard.Client.Models;

namespace Switchboard.Client.Api;

/// <summary>Labels (docs/api.md, "Labels"): the workspace's set, a conversation's labels. The live store keeps both live; these are the triggers.</summary>
public sealed partial class SwitchboardApiClient
{
    /// <summary>The workspace's labels (team only).</summary>
    public async Task<IReadOnlyList<LabelDto>> ListLabelsAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync<ItemsPage<LabelDto>>(HttpMethod.Get, "/api/v1/labels", null, cancellationToken)).Items;

    /// <summary>Creates a label (admins). 409 <c>label_name_taken</c> when another has the name in any case.</summary>
    public Task<LabelWriteResult> CreateLabelAsync(string name, string colour, string? description = null, string? mutationId = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<LabelWriteResult>(HttpMethod.Post, "/api/v1/labels", new { name, colour, description, mutationId }, cancellationToken);

    /// <summary>Renames, recolours or describes a label (admins); null leaves a field as it is, an empty description clears it.</summary>
    public Task<LabelWriteResult> UpdateLabelAsync(long id, string? name = null, string? colour = null, string? description = null, string? mutationId = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<LabelWriteResult>(HttpMethod.Patch, $"/api/v1/labels/{id}", new { name, colour, description, mutationId }, cancellationToken);

    /// <summary>Deletes a label (admins) and takes it off every conversation.</summary>
    public Task<LabelDeletedResult> DeleteLabelAsync(long id, string? mutationId = null, CancellationToken cancellationToken = default) =>
        SendAsync<LabelDeletedResult>(HttpMethod.Delete, $"/api/v1/labels/{id}" + Query(("mutationId", mutationId)), null, cancellationToken);

    /// <summary>Adds and removes labels on a conversation in one idempotent change (retry with the same <paramref name="mutationId"/>).</summary>
    public Task<ConversationWriteResult> ChangeConversationLabelsAsync(long conversationId, string mutationId, IReadOnlyList<long>? add = null,
        IReadOnlyList<long>? remove = null, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationWriteResult>(HttpMethod.Post, $"/api/v1/conversations/{conversationId}/labels",
            new { mutationId, add = add ?? [], remove = remove ?? [] }, cancellationToken);
}

/// <summary>A label after a write and the seq of its <c>label.updated</c>.</summary>
public sealed record LabelWriteResult(LabelDto Data, long Seq);

/// <summary>A deletion's <c>label.deleted</c> seq and how many conversations lost the label.</summary>
public sealed record LabelDeletedResult(long Id, long Seq, int ConversationsChanged);
