using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Labels;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Labels;

/// <summary>The label calls the tests make, so each test reads as what it checks.</summary>
public static class LabelClient
{
    public static async Task<LabelResponse> CreateLabelAsync(this HttpClient admin, string name, string colour = "#1f77b4", string? description = null,
        string? mutationId = null) =>
        (await (await admin.PostJsonAsync("/api/v1/labels", new { name, colour, description, mutationId })).ReadAsync<WriteResponse<LabelResponse>>()).Data;

    public static Task<HttpResponseMessage> ChangeLabelsAsync(this HttpClient client, long conversationId, string mutationId, long[]? add = null, long[]? remove = null) =>
        client.PostJsonAsync($"/api/v1/conversations/{conversationId}/labels", new { mutationId, add = add ?? [], remove = remove ?? [] });

    public static async Task<ConversationWriteResponse> AddLabelsAsync(this HttpClient client, long conversationId, params long[] ids) =>
        await (await client.ChangeLabelsAsync(conversationId, Guid.NewGuid().ToString("N"), add: ids)).ReadAsync<ConversationWriteResponse>();

    public static async Task<IReadOnlyList<long>> LabelIdsOfAsync(this HttpClient team, long conversationId) =>
        (IReadOnlyList<long>?)(await team.GetAsync<ConversationResponse>($"/api/v1/conversations/{conversationId}")).LabelIds ?? [];
}
