namespace Switchboard.Server.Bots;

/// <summary>Bounds of what an admin may configure (each refusal names its field).</summary>
public static class BotLimits
{
    /// <summary>Under the jobs' handler timeout (2 min by default), so the engine's own timeout always fires first.</summary>
    public const int MaxReplyTimeoutSeconds = 100;
    public const int MaxMessageLength = 1000;
    public const int MaxHandoffPhrases = 20;
    public const int MaxPhraseLength = 100;
    public const int MaxUrlLength = 2000;
    public const int MaxModelLength = 200;
    public const int MaxSecretLength = 1000;
    public const int MinExternalSecretLength = 16;
    public const int MaxSystemPromptLength = 4000;
    public const int MaxQuestionLength = 500;
    public const int MaxAnswerLength = 4000;
    public const int MaxFaqEntries = 1000;
    public const int MaxPhrasings = 50;
    /// <summary>The queue's limit on a handoff reason.</summary>
    public const int MaxReasonLength = Queue.QueueService.MaxReasonLength;
}
