using System.Net;
using Switchboard.Server.Common;
using Switchboard.Server.Conversations;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Snooze;

/// <summary>The snooze calls the tests make, each asserting success unless it is a Try.</summary>
public static class SnoozeClient
{
    public static Task<HttpResponseMessage> TrySnoozeAsync(this HttpClient client, long id, object body) =>
        client.PostJsonAsync($"/api/v1/conversations/{id}/snooze", body);

    public static async Task<ConversationWriteResponse> SnoozeUntilReplyAsync(this HttpClient client, long id, string? mutationId = null) =>
        await (await client.TrySnoozeAsync(id, new { mutationId = mutationId ?? WorkflowClient.NewId(), untilReply = true }))
            .ReadAsync<ConversationWriteResponse>(HttpStatusCode.OK);

    public static async Task<ConversationWriteResponse> SnoozeUntilAsync(this HttpClient client, long id, DateTimeOffset until, string? mutationId = null) =>
        await (await client.TrySnoozeAsync(id, new { mutationId = mutationId ?? WorkflowClient.NewId(), until }))
            .ReadAsync<ConversationWriteResponse>(HttpStatusCode.OK);

    public static async Task<ConversationWriteResponse> UnsnoozeAsync(this HttpClient client, long id, string? mutationId = null) =>
        await (await client.PostJsonAsync($"/api/v1/conversations/{id}/unsnooze", new { mutationId = mutationId ?? WorkflowClient.NewId() }))
            .ReadAsync<ConversationWriteResponse>(HttpStatusCode.OK);

    public static async Task<long[]> ListIdsAsync(this HttpClient client, string query = "") =>
        (await client.GetAsync<ItemsResponse<ConversationResponse>>($"/api/v1/conversations{query}")).Items.Select(c => c.Id).ToArray();
}
