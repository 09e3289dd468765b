using System.Net.Http.Json;
using Switchboard.Server.Common;
using Switchboard.Server.Contacts;
using Switchboard.Server.Conversations;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.Tests.Realtime;

namespace Switchboard.Server.Tests.Contacts;

/// <summary>The contact panel's calls, as the dashboard and the widget make them.</summary>
public static class ContactPanelClient
{
    public static Task<HttpResponseMessage> EditContactAsync(this HttpClient client, long id, string mutationId, string? name = null, string? email = null) =>
        client.PatchJsonAsync($"/api/v1/contacts/{id}", new Dictionary<string, object?>
        {
            ["mutationId"] = mutationId,
            ["name"] = name,
            ["email"] = email,
        }.Where(p => p.Value is not null).ToDictionary());

    public static Task<HttpResponseMessage> MergeContactAsync(this HttpClient client, long keptId, long duplicateId, string? mutationId = null) =>
        client.PostJsonAsync($"/api/v1/contacts/{keptId}/merge", mutationId is null ? new { duplicateId } : new { mutationId, duplicateId });

    public static Task<HttpResponseMessage> ReportPageAsync(this HttpClient visitor, string url, string? title = "Pricing", string? language = "de-CH",
        string? timeZone = "Europe/Zurich") =>
        visitor.PutAsJsonAsync("/api/v1/widget/page", new { url, title, language, timeZone }, Http.Json);

    public static Task<ContactResponse> ContactAsync(this HttpClient client, long id) => client.GetAsync<ContactResponse>($"/api/v1/contacts/{id}");

    public static Task<ItemsResponse<ConversationResponse>> ConversationsOfAsync(this HttpClient client, long contactId, int limit = 50, string? cursor = null) =>
        client.GetAsync<ItemsResponse<ConversationResponse>>(
            $"/api/v1/conversations?contactId={contactId}&snoozed=any&limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));

    /// <summary>Everything this caller's stream delivers after <paramref name="cursor"/> up to <paramref name="seq"/> (long-poll pages).</summary>
    public static async Task<List<StreamFrame>> StreamUpToAsync(this HttpClient client, long cursor, long seq)
    {
        var frames = new List<StreamFrame>();
        while (cursor < seq)
        {
            var answer = await PollClient.PollAsync(client, cursor);
            frames.AddRange(answer.Events);
            cursor = answer.Cursor;
        }
        return frames;
    }
}
