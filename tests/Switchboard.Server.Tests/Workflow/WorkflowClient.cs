using System.Net;
using System.Net.Http.Json;
using Switchboard.Server.Conversations;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Workflow;

/// <summary>The workflow calls tests make again and again, each asserting success.</summary>
public static class WorkflowClient
{
    public static async Task<ConversationWriteResponse> PatchConversationAsync(this HttpClient client, long id, object body) =>
        await (await client.PatchJsonAsync($"/api/v1/conversations/{id}", body)).ReadAsync<ConversationWriteResponse>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> TryClaimAsync(this HttpClient client, long? id = null, string? mutationId = null) =>
        client.PostJsonAsync(id is { } c ? $"/api/v1/conversations/{c}/claim" : "/api/v1/queue/claim", new { mutationId = mutationId ?? NewId() });

    public static async Task<ConversationWriteResponse> ClaimAsync(this HttpClient client, long? id = null, string? mutationId = null) =>
        await (await client.TryClaimAsync(id, mutationId)).ReadAsync<ConversationWriteResponse>(HttpStatusCode.OK);

    public static async Task<PostMessageResponse> ReplyAsync(this HttpClient client, long conversationId, string text, long? seenSeq = null) =>
        await (await client.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { clientMessageId = NewId(), text, seenSeq }))
            .ReadAsync<PostMessageResponse>(HttpStatusCode.Created);

    public static async Task<PostMessageResponse> WriteAsync(this TestVisitor visitor, string text) =>
        await (await visitor.SayAsync(text)).ReadAsync<PostMessageResponse>(HttpStatusCode.Created);

    public static async Task<ConversationResponse> ConversationAsync(this HttpClient client, long id) =>
        await client.GetAsync<ConversationResponse>($"/api/v1/conversations/{id}");

    public static async Task SetPresenceAsync(this HttpClient client, string status) =>
        await (await client.PutAsJsonAsync("/api/v1/presence", new { status }, Http.Json)).ReadAsync<object>(HttpStatusCode.OK);

    public static async Task SetCapacityAsync(this TestWorkspace ws, long memberId, int capacity) =>
        await (await ws.Admin.PatchJsonAsync($"/api/v1/members/{memberId}", new { capacity })).ReadAsync<object>(HttpStatusCode.OK);

    public static string NewId() => Guid.NewGuid().ToString("N");
}
