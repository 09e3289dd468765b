namespace Switchboard.Server.Csat;

/// <summary>Bound from the <c>Csat</c> section.</summary>
public sealed class CsatOptions
{
    /// <summary>How long after a resolution its rating may first be given.</summary>
    public TimeSpan AnswerWindow { get; set; } = TimeSpan.FromDays(7);
    /// <summary>How long after it was first given a rating may still be changed (a slip of the finger, a comment added).</summary>
    public TimeSpan ChangeWindow { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>WhatsApp: how long after the button reply the customer's next text becomes the rating's comment.</summary>
    public TimeSpan CommentWindow { get; set; } = TimeSpan.FromMinutes(10);
}
