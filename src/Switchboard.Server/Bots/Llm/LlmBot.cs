using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using Switchboard.Server.Bots.Config;

namespace Switchboard.Server.Bots.Llm;

/// <summary>
/// The LLM bot: streams a chat completion from any OpenAI-compatible endpoint (OpenAI, Azure OpenAI's v1 API, Ollama,
/// vLLM, llama.cpp's server) with the conversation and the best FAQ entries as context. Each piece of text goes to the
/// viewers at once; the whole reply is stored as one message by the runner. The model may call
/// <see cref="HandoffTool"/> instead of answering.
/// </summary>
public sealed class LlmBot(IHttpClientFactory httpClients, IOptions<BotsOptions> options) : IBotEngine
{
    public const string ClientName = "bots.llm";
    public const string HandoffTool = "handoff_to_human";
    /// <summary>Local model servers need no key, but the client always sends one.</summary>
    const string NoKey = "no-key";

    static readonly ChatTool Handoff = ChatTool.CreateFunctionTool(HandoffTool,
        "Hand the conversation to a human support agent: when the customer asks for a person, or when you cannot answer from the FAQ.",
        BinaryData.FromString("""
            {"type":"object","properties":{"reason":{"type":"string","description":"Why a human should take over, in a few words, for the agent."}},"required":["reason"]}
            """));

    public BotEngineKind Kind => BotEngineKind.Llm;

    public async Task<BotOutcome> RespondAsync(BotTurn turn, IBotReplyStream stream, CancellationToken cancellationToken)
    {
        var llm = turn.Config.Llm;
        if (llm.BaseUrl is null || llm.Model is null) return BotOutcome.Handoff("The LLM bot is not configured (llm.baseUrl, llm.model)");
        // Grounded in the FAQ: with entries but none relevant, a person answers rather than a model without facts.
        var relevant = LlmPrompt.Relevant(turn, options.Value.LlmFaqEntries, cancellationToken);
        if (relevant.Count == 0 && turn.Faq.Count > 0 && options.Value.LlmFaqEntries > 0)
            return BotOutcome.Handoff("Nothing in the FAQ matches the question");
        var client = new ChatClient(llm.Model, new ApiKeyCredential(llm.ApiKey ?? NoKey), new OpenAIClientOptions
        {
            Endpoint = llm.BaseUrl,
            Transport = new HttpClientPipelineTransport(httpClients.CreateClient(ClientName)),
            // A retry would stream the reply twice to the viewers; the runner hands off instead.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // The reply timeout (the runner's token) decides; this only keeps the client's own default out of the way.
            NetworkTimeout = turn.Config.ReplyTimeout + TimeSpan.FromSeconds(5),
        });
        var completion = new ChatCompletionOptions { Tools = { Handoff } };
        if (llm.Temperature is { } temperature) completion.Temperature = (float)temperature;

        var text = new StringBuilder();
        string? tool = null;
        var arguments = new StringBuilder();
        await foreach (var update in client.CompleteChatStreamingAsync(LlmPrompt.Build(turn, relevant), completion, cancellationToken))
        {
            foreach (var part in update.ContentUpdate)
            {
                if (string.IsNullOrEmpty(part.Text)) continue;
                text.Append(part.Text);
                stream.Delta(part.Text);
            }
            foreach (var call in update.ToolCallUpdates)
            {
                tool ??= call.FunctionName;
                if (call.FunctionArgumentsUpdate is { } piece && !piece.IsEmpty) arguments.Append(piece.ToString());
            }
        }

        if (tool == HandoffTool) return BotOutcome.Handoff("The LLM handed off: " + ReasonFrom(arguments.ToString()));
        if (tool is not null) return BotOutcome.Handoff($"The LLM called an unknown tool ({tool})");
        var reply = LlmPrompt.Cite(text.ToString(), relevant);
        return reply.Length == 0 ? BotOutcome.Handoff("The LLM gave an empty answer") : BotOutcome.Reply(reply);
    }

    /// <summary>The tool's <c>reason</c> argument; models sometimes send broken JSON, which still hands off.</summary>
    static string ReasonFrom(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.TryGetProperty("reason", out var reason) && reason.GetString() is { Length: > 0 } r) return r.Trim();
        }
        catch (JsonException)
        {
            // Fall through to the generic reason.
        }
        return "no reason given";
    }
}
