using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Client.Models;
using Switchboard.Client.Sync;

namespace Switchboard.Client.Api;

/// <summary>
/// Typed access to the REST API (docs/api.md). Give it an <see cref="HttpClient"/> whose BaseAddress is the
/// server; sign in with <see cref="LoginAsync"/> (operators), <see cref="StartWidgetSessionAsync"/> (visitors)
/// or <see cref="UseToken"/> (API keys). Non-2xx answers throw <see cref="SwitchboardApiException"/>.
/// </summary>
public sealed partial class SwitchboardApiClient(HttpClient http)
{
    /// <summary>The underlying client (its BaseAddress is the server).</summary>
    public HttpClient Http { get; } = http;

    /// <summary>The bearer token in use, if any.</summary>
    public string? Token { get; private set; }

    /// <summary>Authenticates every later call with <paramref name="token"/> (session, API key or visitor session).</summary>
    public void UseToken(string token)
    {
        Token = token;
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Signs an operator or admin in.</summary>
    public async Task<LoginResult> LoginAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync<LoginResult>(HttpMethod.Post, "/api/v1/auth/login", new { email, password }, cancellationToken);
        UseToken(result.Token);
        return result;
    }

    /// <summary>Starts (or, when already signed in as a visitor, resumes) a widget session.</summary>
    public async Task<WidgetSession> StartWidgetSessionAsync(string inboxToken, string? name = null, string? email = null, CancellationToken cancellationToken = default)
    {
        var session = await SendAsync<WidgetSession>(HttpMethod.Post, "/api/v1/widget/sessions", new { inboxToken, name, email }, cancellationToken);
        UseToken(session.Token);
        return session;
    }

    /// <summary>The visitor's conversation, created on first use.</summary>
    public Task<ConversationWriteResult> StartWidgetConversationAsync(CancellationToken cancellationToken = default) =>
        SendAsync<ConversationWriteResult>(HttpMethod.Post, "/api/v1/widget/conversation", null, cancellationToken);

    /// <summary>Conversations, members and the cursor, read in one transaction.</summary>
    public Task<SnapshotDto> GetSnapshotAsync(CancellationToken cancellationToken = default) =>
        SendAsync<SnapshotDto>(HttpMethod.Get, "/api/v1/sync/snapshot", null, cancellationToken);

    /// <summary>A page of conversations, newest activity first.</summary>
    public Task<ItemsPage<ConversationDto>> ListConversationsAsync(ConversationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var f = filter ?? new ConversationFilter();
        var query = Query(("state", f.State), ("assignee", f.Assignee), ("inboxId", f.InboxId?.ToString(CultureInfo.InvariantCulture)),
            ("botActive", f.BotActive?.ToString().ToLowerInvariant()), ("q", f.Q), ("limit", f.Limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", f.Cursor),
            ("labelId", f.LabelId?.ToString(CultureInfo.InvariantCulture)), ("snoozed", f.Snoozed),
            ("contactId", f.ContactId?.ToString(CultureInfo.InvariantCulture)));
        return SendAsync<ItemsPage<ConversationDto>>(HttpMethod.Get, "/api/v1/conversations" + query, null, cancellationToken);
    }

    /// <summary>
    /// Full-text search over messages (notes included) and contacts, for the team: words, "phrases" and -exclusions.
    /// A broken answer throws <see cref="JsonException"/>.
    /// </summary>
    public async Task<SearchResults> SearchAsync(string q, SearchFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var f = filter ?? new SearchFilter();
        var query = Query(("q", q), ("state", f.State), ("assignee", f.Assignee), ("inboxId", f.InboxId?.ToString(CultureInfo.InvariantCulture)),
            ("from", f.From?.ToString("O", CultureInfo.InvariantCulture)), ("to", f.To?.ToString("O", CultureInfo.InvariantCulture)),
            ("limit", f.Limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", f.Cursor), ("labelId", f.LabelId?.ToString(CultureInfo.InvariantCulture)));
        return (await SendAsync<SearchResults>(HttpMethod.Get, "/api/v1/search" + query, null, cancellationToken)).Validated();
    }

    /// <summary>One conversation.</summary>
    public Task<ConversationDto> GetConversationAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationDto>(HttpMethod.Get, $"/api/v1/conversations/{id}", null, cancellationToken);

    /// <summary>A page of messages: the newest by default, or those before/after an ordinal.</summary>
    public Task<MessagePage> GetMessagesAsync(long conversationId, long? before = null, long? after = null, int? limit = null, CancellationToken cancellationToken = default) =>
        SendAsync<MessagePage>(HttpMethod.Get, $"/api/v1/conversations/{conversationId}/messages" + Query(
            ("before", before?.ToString(CultureInfo.InvariantCulture)), ("after", after?.ToString(CultureInfo.InvariantCulture)),
            ("limit", limit?.ToString(CultureInfo.InvariantCulture))), null, cancellationToken);

    /// <summary>Sends a message directly (no optimistic view; the <c>LiveStore</c> is the way for UIs).</summary>
    public Task<PostMessageResult> PostMessageAsync(long conversationId, string clientMessageId, string text, long? seenSeq = null, CancellationToken cancellationToken = default) =>
        SendAsync<PostMessageResult>(HttpMethod.Post, $"/api/v1/conversations/{conversationId}/messages", new { clientMessageId, text, seenSeq }, cancellationToken);

    /// <summary>
    /// Snoozes a conversation, or with <see cref="Sync.SnoozeChange.Wake"/> unsnoozes it / dismisses its wake marker (directly; the
    /// <c>LiveStore</c>'s <c>UpdateConversation</c> with a <see cref="Sync.ConversationPatch.Snooze"/> is the optimistic way).
    /// </summary>
    public Task<ConversationWriteResult> SnoozeConversationAsync(long conversationId, string mutationId, Sync.SnoozeChange snooze, CancellationToken cancellationToken = default)
    {
        var (_, path, body) = new Sync.ConversationPatch { Snooze = snooze }.ToRequest(conversationId, mutationId);
        return SendAsync<ConversationWriteResult>(HttpMethod.Post, path, body, cancellationToken);
    }

    /// <summary>Reports messages of the other side delivered or read, up to and including <paramref name="upToMessageId"/>.</summary>
    public Task<ConversationWriteResult> PostReceiptAsync(long conversationId, string status, long upToMessageId, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationWriteResult>(HttpMethod.Post, $"/api/v1/conversations/{conversationId}/receipts", new { status, upToMessageId }, cancellationToken);

    /// <summary>
    /// Copies a conversation's transcript (team only) into <paramref name="destination"/> as it arrives, however long
    /// the conversation: <paramref name="format"/> <c>text</c> or <c>json</c>, internal notes unless
    /// <paramref name="notes"/> is false, the text's times in <paramref name="timeZone"/> (IANA; default UTC).
    /// Returns the server's file name (<c>conversation-42-2026-12-03.txt</c>).
    /// </summary>
    public async Task<string> ExportTranscriptAsync(long conversationId, Stream destination, string format = "text", bool notes = true,
        string? timeZone = null, CancellationToken cancellationToken = default)
    {
        var path = $"/api/v1/conversations/{conversationId}/transcript" + Query(("format", format), ("notes", notes ? null : "false"), ("timeZone", timeZone));
        using var response = await Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode) await ThrowProblemAsync(response, cancellationToken);
        await response.Content.CopyToAsync(destination, cancellationToken);
        return response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? $"conversation-{conversationId}.{(format == "json" ? "json" : "txt")}";
    }

    /// <summary>Sends a write of the live store and returns its raw answer; transport failures throw.</summary>
    public async Task<(int Status, JsonElement Body)> SendRawAsync(OutgoingRequest request, CancellationToken cancellationToken = default)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path) { Content = JsonContent.Create(request.Body, options: SyncJson.Options) };
        using var response = await Http.SendAsync(message, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, body);
    }

    async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, path);
        if (body is not null) message.Content = JsonContent.Create(body, options: SyncJson.Options);
        using var response = await Http.SendAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode) await ThrowProblemAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(SyncJson.Options, cancellationToken))!;
    }

    /// <summary>
    /// Throws the answer's ProblemDetails (its <c>code</c>, <c>detail</c> and <c>retryAfterSeconds</c>) as a
    /// <see cref="SwitchboardApiException"/>; a body that is not a problem (a proxy's page, a field of another type)
    /// gives <c>http_NNN</c> and nulls, never an error of its own.
    /// </summary>
    static async Task ThrowProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? code = null, detail = null;
        double? retryAfter = null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            JsonElement? Field(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) ? v : null;
            string? Text(string name) => Field(name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
            (code, detail) = (Text("code"), Text("detail"));
            if (Field("retryAfterSeconds") is { ValueKind: JsonValueKind.Number } wait && wait.TryGetDouble(out var seconds) && seconds >= 0) retryAfter = seconds;
        }
        catch (JsonException) { }
        throw new SwitchboardApiException((int)response.StatusCode, code ?? $"http_{(int)response.StatusCode}", detail, retryAfter);
    }

    static string Query(params (string Name, string? Value)[] parts)
    {
        var present = parts.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }
}
