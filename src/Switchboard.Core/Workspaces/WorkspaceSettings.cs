namespace Switchboard.Core.Workspaces;

/// <summary>Per-workspace behaviour switches (DESIGN §3).</summary>
public sealed record WorkspaceSettings
{
    public string TimeZone { get; init; } = "UTC";
    /// <summary>An operator's reply unassigns them, so the next customer message goes back to the queue.</summary>
    public bool ReleaseOnReply { get; init; }
    /// <summary>Where a resolved conversation goes when the customer writes again.</summary>
    public ReopenTarget ReopenTo { get; init; } = ReopenTarget.Bot;
    public AssignmentPolicy AssignmentPolicy { get; init; } = AssignmentPolicy.Manual;
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(15);
    public TimeSpan EventRetention { get; init; } = TimeSpan.FromDays(7);
    /// <summary>Whether new conversations start with the bot answering.</summary>
    public bool BotEnabled { get; init; } = true;
    /// <summary>Whether resolving a widget or WhatsApp conversation asks the customer for a rating (CSAT). On unless turned off.</summary>
    public bool CsatEnabled { get; init; } = true;
    /// <summary>The largest attachment accepted, in bytes (issue 17): 25 MB unless an admin sets 1 MB to 100 MB.</summary>
    public long AttachmentMaxBytes { get; init; } = DefaultAttachmentMaxBytes;

    public const long DefaultAttachmentMaxBytes = 25L * 1024 * 1024;
    public const long MinAttachmentMaxBytes = 1L * 1024 * 1024;
    public const long MaxAttachmentMaxBytes = 100L * 1024 * 1024;
}

public enum ReopenTarget { Bot, Queued }

public enum AssignmentPolicy { Manual, Auto }
