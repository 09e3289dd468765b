using System.Net;
using Switchboard.Server.Messages;
using Switchboard.Server.Search;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Search;

/// <summary>The search tests' helpers: a search URL, and messages written by the team.</summary>
static class SearchClient
{
    public static Task<SearchResponse> SearchAsync(this HttpClient client, string q, string extra = "") =>
        client.GetAsync<SearchResponse>($"/api/v1/search?q={Uri.EscapeDataString(q)}{extra}");

    public static Task<HttpResponseMessage> SearchRawAsync(this HttpClient client, string q, string extra = "") =>
        client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}{extra}");

    public static async Task<MessageResponse> ReplyAsync(this HttpClient team, long conversationId, string text, bool note = false) =>
        (await (await team.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages",
            new { clientMessageId = Guid.NewGuid().ToString("N"), text, isNote = note, replyAnyway = true }))
            .ReadAsync<PostMessageResponse>(HttpStatusCode.Created)).Message;

    public static async Task<MessageResponse> SaysAsync(this TestVisitor visitor, string text) =>
        (await (await visitor.SayAsync(text)).ReadAsync<PostMessageResponse>(HttpStatusCode.Created)).Message;

    /// <summary>The matched parts of a snippet, as a client would wrap them in marks.</summary>
    public static List<string> Marked(this SearchSnippet snippet) =>
        snippet.Highlights.Select(h => snippet.Text.Substring(h.Start, h.Length)).ToList();
}
