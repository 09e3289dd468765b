namespace Switchboard.Server.Bots.Config;

/// <summary>Which engine answers a workspace's (or an inbox's) bot conversations; snake_case on the wire.</summary>
public enum BotEngineKind
{
    /// <summary>The built-in, offline bot: ranked retrieval over the workspace's FAQ entries.</summary>
    KnowledgeBase,
    /// <summary>Any OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp).</summary>
    Llm,
    /// <summary>A bot of your own, reached by a signed webhook, answering through the API with a bot key.</summary>
    External,
}
