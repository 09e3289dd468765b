using System.Globalization;
using System.Text;
using System.Text.Json;
using Switchboard.Server.Bots.Config;
using Switchboard.Server.Hosting;
using Switchboard.Server.Webhooks;

namespace Switchboard.Server.Bots.External;

/// <summary>
/// An external bot: each customer message goes to the bot's URL as a webhook signed like Switchboard's other webhooks
/// (<c>X-Switchboard-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")</c>). The bot answers later through the API with
/// its own key, so the outcome is <see cref="BotOutcome.Deferred"/>; the runner hands off if no answer comes in time.
/// </summary>
public sealed class ExternalBot(IHttpClientFactory httpClients, TimeProvider clock, ILogger<ExternalBot> logger) : IBotEngine
{
    public const string ClientName = "bots.external";
    public const string EventType = "bot.message";

    public BotEngineKind Kind => BotEngineKind.External;

    public async Task<BotOutcome> RespondAsync(BotTurn turn, IBotReplyStream stream, CancellationToken cancellationToken)
    {
        var external = turn.Config.External;
        if (external.Url is null || external.Secret is null) return BotOutcome.Handoff("The external bot is not configured (external.url, external.secret)");
        var id = turn.Conversation.Id.ToString(CultureInfo.InvariantCulture);
        var body = JsonSerializer.Serialize(new ExternalBotRequest(EventType, turn.WorkspaceId, turn.ReplyId, turn.Conversation, turn.Message, turn.History,
            new ExternalBotLinks($"/api/v1/conversations/{id}/messages", $"/api/v1/conversations/{id}/handoff")), JsonDefaults.Options);

        using var request = new HttpRequestMessage(HttpMethod.Post, external.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(external.Secret, clock.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.Add("X-Switchboard-Event", EventType);
        request.Headers.Add("X-Switchboard-Delivery", turn.ReplyId);
        using var response = await httpClients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode) throw new ExternalBotException($"the external bot answered HTTP {status}");
        BotsLog.ExternalNotified(logger, turn.Conversation.Id, turn.Message.Id, status);
        return BotOutcome.Deferred;
    }
}
