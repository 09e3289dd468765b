using System.Net;
using System.Text.Json;
using Switchboard.Server.Conversations;
using Switchboard.Server.Csat;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Workflow;

namespace Switchboard.Server.Tests.Csat;

/// <summary>The CSAT calls the tests make, each asserting success unless it is a Try.</summary>
public static class CsatClient
{
    public static async Task<ConversationWriteResponse> ResolveAsync(this HttpClient client, long id) =>
        await client.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), resolved = true });

    public static async Task<ConversationWriteResponse> ReopenAsync(this HttpClient client, long id) =>
        await client.PatchConversationAsync(id, new { mutationId = WorkflowClient.NewId(), resolved = false });

    public static Task<HttpResponseMessage> TryRateAsync(this HttpClient client, long conversationId, object body) =>
        client.PostJsonAsync($"/api/v1/conversations/{conversationId}/csat", body);

    public static async Task<CsatWriteResponse> RateAsync(this TestVisitor visitor, long requestId, int rating, string? comment = null, string? mutationId = null) =>
        await (await visitor.Client.TryRateAsync(visitor.ConversationId, new { mutationId = mutationId ?? WorkflowClient.NewId(), requestId, rating, comment }))
            .ReadAsync<CsatWriteResponse>(HttpStatusCode.OK);

    /// <summary>The rating request the next resolution asks, as its <c>csat.updated</c> event carries it.</summary>
    public static async Task<CsatResponse> WaitRequestAsync(this EventWatcher watcher, long conversationId, Func<CsatResponse, bool>? match = null)
    {
        var e = await watcher.WaitAsync(e => e.Type == "csat.updated" && e.ConversationId == conversationId && (match is null || match(Csat(e))));
        return Csat(e);
    }

    /// <summary>Resolves the conversation and returns the rating request that asks.</summary>
    public static async Task<CsatResponse> ResolvedRequestAsync(this EventWatcher watcher, HttpClient member, long conversationId)
    {
        await member.ResolveAsync(conversationId);
        return await watcher.WaitRequestAsync(conversationId);
    }

    public static CsatResponse Csat(LoggedEvent e) => e.Data.GetProperty("csat").Deserialize<CsatResponse>(Http.Json)!;
}
