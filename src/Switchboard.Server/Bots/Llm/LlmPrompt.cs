using System.Text;
using OpenAI.Chat;
using Switchboard.Core.Messages;

namespace Switchboard.Server.Bots.Llm;

/// <summary>
/// The chat the LLM bot sends: a system message (the workspace's prompt or ours, and the best-matching FAQ entries), then
/// the conversation's recent messages as user (customer) and assistant (bot and operators) turns.
/// </summary>
public static class LlmPrompt
{
    public const string DefaultSystemPrompt =
        "You are the customer support assistant of {workspace}. Answer briefly and politely, in the customer's language. " +
        "Answer only from the FAQ entries below and the conversation; never invent policies, prices or dates. " +
        "If you cannot answer from them, or the customer wants a person, call the handoff_to_human tool instead of answering.";

    public static IReadOnlyList<ChatMessage> Build(BotTurn turn, int faqEntries)
    {
        var system = new StringBuilder((turn.Config.Llm.SystemPrompt ?? DefaultSystemPrompt).Replace("{workspace}", turn.WorkspaceName, StringComparison.Ordinal));
        var matches = faqEntries > 0 ? turn.Faq.Search(turn.Message.Text, faqEntries) : [];
        if (matches.Count > 0)
        {
            system.Append("\n\nFAQ entries that may help (best match first):");
            foreach (var m in matches) system.Append("\n\nQ: ").Append(m.Entry.Question).Append("\nA: ").Append(m.Entry.Answer);
        }
        else system.Append("\n\nNo FAQ entry matches this question.");

        var messages = new List<ChatMessage> { new SystemChatMessage(system.ToString()) };
        foreach (var m in turn.History)
        {
            messages.Add(m.SenderRole switch
            {
                SenderRole.Customer => new UserChatMessage(m.Text),
                // An operator's words are the support side's too; naming them keeps the model from taking them as its own promises.
                SenderRole.Operator => new AssistantChatMessage($"[{m.SenderName ?? "Operator"}, a human colleague] {m.Text}"),
                _ => new AssistantChatMessage(m.Text),
            });
        }
        return messages;
    }
}
