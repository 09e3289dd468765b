using Switchboard.Server.Bots.KnowledgeBase;
using Switchboard.Server.Common;

namespace Switchboard.Server.Bots.Faq;

/// <summary>A <c>faq_entries</c> row.</summary>
public sealed class FaqRow
{
    public const string Columns = "id, workspace_id, question, answer, created_at, updated_at";

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public FaqEntryResponse ToResponse() => new(Id, Question, Answer, Time.FromMs(CreatedAt), Time.FromMs(UpdatedAt));

    public FaqEntry ToEntry() => new(Id, Question, Answer);
}
