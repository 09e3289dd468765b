using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Bots;

/// <summary>
/// An OpenAI-compatible Chat Completions server on 127.0.0.1 (Kestrel, dynamic port) that answers each request with
/// the next scripted <see cref="Reply"/>, streaming <c>text/event-stream</c> chunks exactly as the real API does
/// (<c>data: {"object":"chat.completion.chunk",...}</c> … <c>data: [DONE]</c>). A reply can wait for the test
/// (<see cref="Gate"/>) before it starts or in the middle, so a test decides what happens meanwhile without sleeping.
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    readonly ConcurrentQueue<Reply> script = new();
    readonly RequestLog<Request> requests = new(TimeSpan.FromSeconds(30));
    LoopbackServer server = null!;

    public abstract record Reply;
    /// <summary>Streams <paramref name="Pieces"/> as content deltas; waits for <paramref name="Before"/> first and for <paramref name="AfterFirst"/> after the first piece.</summary>
    public sealed record Stream(IReadOnlyList<string> Pieces, Gate? Before = null, Gate? AfterFirst = null) : Reply;
    /// <summary>Answers nothing until the client gives up.</summary>
    public sealed record Hang : Reply;
    public sealed record Fail(int Status) : Reply;
    /// <summary>Streams <paramref name="Pieces"/>, then drops the connection without finishing the answer.</summary>
    public sealed record Cut(IReadOnlyList<string> Pieces) : Reply;
    /// <summary>Streams a call of <paramref name="Name"/> with <paramref name="Arguments"/> (JSON) split in two pieces, as models do.</summary>
    public sealed record CallTool(string Name, string Arguments) : Reply;

    /// <summary>Something the server waits for; the test opens it.</summary>
    public sealed class Gate
    {
        readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Open() => open.TrySetResult();
        public Task WaitAsync(CancellationToken cancellationToken) => open.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    public sealed record Request(IReadOnlyDictionary<string, string> Headers, JsonElement Body);

    FakeLlmServer()
    {
    }

    /// <summary>The base URL to configure: <c>http://127.0.0.1:port/v1</c>.</summary>
    public string BaseUrl => server.Url("/v1");

    public static async Task<FakeLlmServer> StartAsync()
    {
        var fake = new FakeLlmServer();
        fake.server = await LoopbackServer.StartAsync(routes => routes.MapPost("/v1/chat/completions", fake.HandleAsync));
        return fake;
    }

    public void Enqueue(Reply reply) => script.Enqueue(reply);

    public IReadOnlyList<Request> Requests => requests.Items;

    /// <summary>Waits until the <paramref name="count"/>th request has arrived (bounded) and returns it.</summary>
    public Task<Request> WaitForRequestAsync(int count = 1) => requests.WaitForAsync(count);

    async Task HandleAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        requests.Add(new Request(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.RootElement.Clone()));
        var aborted = http.RequestAborted;
        try
        {
            switch (script.TryDequeue(out var reply) ? reply : new Stream(["Hello!"]))
            {
                case Fail fail:
                    http.Response.StatusCode = fail.Status;
                    await http.Response.WriteAsJsonAsync(new { error = new { message = "The server had an error while processing your request.", type = "server_error" } }, aborted);
                    return;
                case Hang:
                    await Task.Delay(Timeout.Infinite, aborted);
                    return;
                case Cut cut:
                    await StartAsync(http);
                    await ChunkAsync(http, """{"role":"assistant","content":""}""", null);
                    foreach (var piece in cut.Pieces) await ChunkAsync(http, $$"""{"content":{{JsonSerializer.Serialize(piece)}}}""", null);
                    http.Abort();
                    return;
                case Stream stream:
                    if (stream.Before is { } before) await before.WaitAsync(aborted);
                    await StartAsync(http);
                    await ChunkAsync(http, """{"role":"assistant","content":""}""", null);
                    for (var i = 0; i < stream.Pieces.Count; i++)
                    {
                        await ChunkAsync(http, $$"""{"content":{{JsonSerializer.Serialize(stream.Pieces[i])}}}""", null);
                        if (i == 0 && stream.AfterFirst is { } afterFirst) await afterFirst.WaitAsync(aborted);
                    }
                    await ChunkAsync(http, "{}", "stop");
                    break;
                case CallTool call:
                    await StartAsync(http);
                    var half = call.Arguments.Length / 2;
                    var name = JsonSerializer.Serialize(call.Name);
                    await ChunkAsync(http, $$$"""{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_7","type":"function","function":{"name":{{{name}}},"arguments":""}}]}""", null);
                    foreach (var piece in new[] { call.Arguments[..half], call.Arguments[half..] })
                        await ChunkAsync(http, $$$"""{"tool_calls":[{"index":0,"function":{"arguments":{{{JsonSerializer.Serialize(piece)}}}}}]}""", null);
                    await ChunkAsync(http, "{}", "tool_calls");
                    break;
            }
            await WriteAsync(http, "data: [DONE]\n\n");
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (its timeout): nothing more to say.
        }
    }

    static async Task StartAsync(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.StartAsync(http.RequestAborted);
    }

    static Task ChunkAsync(HttpContext http, string delta, string? finishReason) => WriteAsync(http,
        $$"""data: {"id":"chatcmpl-test","object":"chat.completion.chunk","created":1767225600,"model":"test-model","system_fingerprint":"fp_test","choices":[{"index":0,"delta":{{delta}},"logprobs":null,"finish_reason":{{(finishReason is null ? "null" : $"\"{finishReason}\"")}}}]}""" + "\n\n");

    static async Task WriteAsync(HttpContext http, string text)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
