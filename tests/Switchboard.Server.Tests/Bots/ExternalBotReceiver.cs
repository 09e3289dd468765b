using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Bots;

/// <summary>
/// An external bot on 127.0.0.1 (Kestrel, dynamic port), written as an integrator would: it checks the webhook's
/// HMAC-SHA256 signature itself (refusing with 401 when it does not match) and answers through Switchboard's API with
/// its own bot key, as each scripted <see cref="Move"/> says.
/// </summary>
public sealed class ExternalBotReceiver : IAsyncDisposable
{
    readonly string secret;
    readonly HttpClient api;
    readonly ConcurrentQueue<Move> script = new();
    readonly RequestLog<Received> received = new(TimeSpan.FromSeconds(30));
    LoopbackServer server = null!;

    public abstract record Move;
    public sealed record Answer(string Text) : Move;
    public sealed record HandOff(string Reason) : Move;
    /// <summary>Acknowledges with 200 and never answers.</summary>
    public sealed record Ignore : Move;

    /// <summary>A webhook as it arrived, whether its signature held, and the status of the bot's API call (if any).</summary>
    public sealed record Received(JsonElement Body, IReadOnlyDictionary<string, string> Headers, bool SignatureValid, int? ApiStatus);

    ExternalBotReceiver(string secret, HttpClient api) => (this.secret, this.api) = (secret, api);

    public string Url => server.Url("/bot");

    /// <param name="secret">The signing secret this bot expects.</param>
    /// <param name="api">A client of the Switchboard API authenticated with the bot's key.</param>
    public static async Task<ExternalBotReceiver> StartAsync(string secret, HttpClient api)
    {
        var receiver = new ExternalBotReceiver(secret, api);
        receiver.server = await LoopbackServer.StartAsync(routes => routes.MapPost("/bot", receiver.HandleAsync));
        return receiver;
    }

    public void Enqueue(Move move) => script.Enqueue(move);

    public Task<Received> WaitForAsync(int count) => received.WaitForAsync(count);

    async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync();
        var valid = Verify(request.Headers["X-Switchboard-Signature"].ToString(), raw);
        using var doc = JsonDocument.Parse(raw);
        var body = doc.RootElement.Clone();
        int? apiStatus = null;
        if (valid)
        {
            var links = body.GetProperty("links");
            var replyId = body.GetProperty("replyId").GetString()!;
            HttpResponseMessage? response = (script.TryDequeue(out var move) ? move : new Ignore()) switch
            {
                Answer a => await api.PostJsonAsync(links.GetProperty("messages").GetString()!, new { clientMessageId = replyId, text = a.Text }),
                HandOff h => await api.PostJsonAsync(links.GetProperty("handoff").GetString()!, new { mutationId = replyId, reason = h.Reason }),
                _ => null,
            };
            apiStatus = response is null ? null : (int)response.StatusCode;
        }
        received.Add(new Received(body, request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), valid, apiStatus));
        return valid ? Results.Ok() : Results.StatusCode(StatusCodes.Status401Unauthorized);
    }

    /// <summary>The receiving side's own check: <c>t=…,v1=hex(HMAC-SHA256(secret, t + "." + body))</c>, fresh within 5 minutes.</summary>
    bool Verify(string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)) return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(t, CultureInfo.InvariantCulture)) > 300) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
