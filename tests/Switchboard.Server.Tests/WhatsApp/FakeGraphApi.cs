using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.WhatsApp;

/// <summary>
/// A stand-in for the WhatsApp Cloud API on 127.0.0.1 (Kestrel, dynamic port): <c>POST /v21.0/{phone-number-id}/messages</c>.
/// It checks the bearer token and the request's shape as Meta would (401 / 400 with a Graph error body, and records
/// what was wrong), answers scripted statuses (429, 5xx, 4xx) or 200 with the next wamid, and can hold its answer
/// until the test releases it. Media (FakeGraphApi.Media.cs): lookups and bytes of registered media ids, and uploads.
/// </summary>
public sealed partial class FakeGraphApi : IAsyncDisposable
{
    public const string Version = "v21.0";

    readonly string accessToken;
    readonly ConcurrentQueue<(int Status, string? Body)> scripted = new();
    readonly ConcurrentQueue<string> wamids = new();
    readonly RequestLog<Received> received = new(TimeSpan.FromSeconds(10));
    readonly Lock gate = new();
    LoopbackServer server = null!;
    TaskCompletionSource? hold;
    int sent;

    /// <summary>One request: its phone number id, bearer token, body, the status it got, and what was wrong with it (null when well-formed).</summary>
    public sealed record Received(string PhoneNumberId, string? Authorization, JsonElement Body, int AnsweredWith, string? Problem);

    FakeGraphApi(string accessToken) => this.accessToken = accessToken;

    /// <summary>The Graph API base URL to configure an inbox with.</summary>
    public string BaseUrl => server.Url($"/{Version}");

    public static async Task<FakeGraphApi> StartAsync(string accessToken)
    {
        var fake = new FakeGraphApi(accessToken);
        fake.server = await LoopbackServer.StartAsync(routes =>
        {
            routes.MapPost($"/{Version}/{{phoneNumberId}}/messages", fake.HandleAsync);
            fake.MapMedia(routes);
        });
        return fake;
    }

    /// <summary>The next well-formed requests get these answers instead of a 200 (a null body becomes a Graph error body).</summary>
    public void AnswerWith(int status, string? body = null) => scripted.Enqueue((status, body));

    /// <summary>The wamids the next accepted sends get (then generated ones).</summary>
    public void NextWamids(params string[] ids)
    {
        foreach (var id in ids) wamids.Enqueue(id);
    }

    /// <summary>Holds every answer until the returned source is completed.</summary>
    public TaskCompletionSource Hold()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) hold = source;
        return source;
    }

    public IReadOnlyList<Received> Requests => received.Items;

    /// <summary>Waits (bounded) until <paramref name="count"/> requests have arrived, answered or held.</summary>
    public Task<Received> WaitForAsync(int count) => received.WaitForAsync(count);

    async Task<IResult> HandleAsync(string phoneNumberId, HttpRequest request)
    {
        using var document = await JsonDocument.ParseAsync(request.Body);
        var body = document.RootElement.Clone();
        var authorization = request.Headers.Authorization.ToString();
        var problem = authorization == $"Bearer {accessToken}" ? ShapeProblem(body) : "wrong bearer token";
        var (status, reply) = problem switch
        {
            "wrong bearer token" => (401, GraphError(190, "Invalid OAuth access token.")),
            not null => (400, GraphError(100, $"(#100) {problem}")),
            _ when scripted.TryDequeue(out var s) => (s.Status, s.Body ?? GraphError(s.Status == 429 ? 130429 : 131000, $"Scripted HTTP {s.Status}")),
            _ => (200, Accepted(body.GetProperty("to").GetString()!)),
        };
        Task held;
        // One step: a request recorded before Hold() was called is never held.
        lock (gate)
        {
            received.Add(new Received(phoneNumberId, authorization, body, status, problem));
            held = hold?.Task ?? Task.CompletedTask;
        }
        await held.WaitAsync(TimeSpan.FromSeconds(10));
        return Results.Text(reply, "application/json", statusCode: status);
    }

    string Accepted(string to)
    {
        var wamid = wamids.TryDequeue(out var next) ? next : $"wamid.FAKE{Interlocked.Increment(ref sent)}";
        return new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = wamid }),
        }.ToJsonString();
    }

    /// <summary>What Meta would refuse in a text, template, interactive or media send, or null.</summary>
    string? ShapeProblem(JsonElement body)
    {
        if (Str(body, "messaging_product") != "whatsapp") return "messaging_product must be whatsapp";
        if (Str(body, "to") is not { Length: > 0 } to || !to.All(char.IsAsciiDigit)) return "to must be the recipient's wa_id";
        return Str(body, "type") switch
        {
            "text" => body.TryGetProperty("text", out var text) && Str(text, "body") is { Length: > 0 } ? null : "text.body is required",
            "template" => body.TryGetProperty("template", out var t) && Str(t, "name") is { Length: > 0 }
                && t.TryGetProperty("language", out var language) && Str(language, "code") is { Length: > 0 } ? null : "template.name and template.language.code are required",
            "interactive" => InteractiveProblem(body),
            "image" or "document" or "audio" or "video" or "sticker" => MediaMessageProblem(body),
            var other => $"type {other} is not supported by this fake",
        };
    }

    /// <summary>Reply buttons as Meta checks them: a body text, one to three buttons, titles of at most 20 and ids of at most 256 characters, ids unique.</summary>
    static string? InteractiveProblem(JsonElement body)
    {
        if (!body.TryGetProperty("interactive", out var i) || Str(i, "type") != "button") return "interactive.type must be button";
        if (!i.TryGetProperty("body", out var text) || Str(text, "text") is not { Length: > 0 and <= 1024 }) return "interactive.body.text is required";
        if (!i.TryGetProperty("action", out var action) || !action.TryGetProperty("buttons", out var buttons) || buttons.ValueKind != JsonValueKind.Array
            || buttons.GetArrayLength() is < 1 or > 3) return "interactive.action.buttons must hold 1 to 3 buttons";
        var ids = new HashSet<string>();
        foreach (var b in buttons.EnumerateArray())
            if (Str(b, "type") != "reply" || !b.TryGetProperty("reply", out var reply) || Str(reply, "title") is not { Length: > 0 and <= 20 }
                || Str(reply, "id") is not { Length: > 0 and <= 256 } id || !ids.Add(id)) return "each button needs a unique id (<= 256) and a title (<= 20)";
        return null;
    }

    static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static string GraphError(long code, string message) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = message,
            ["type"] = "OAuthException",
            ["code"] = code,
            ["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = message },
            ["fbtrace_id"] = "AbCdEf123",
        },
    }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        lock (gate) hold?.TrySetResult();
        await server.DisposeAsync();
    }
}
