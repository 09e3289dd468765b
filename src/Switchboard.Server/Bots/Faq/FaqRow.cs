using System.Text.Json;
using Switchboard.Server.Bots.KnowledgeBase;
using Switchboard.Server.Common;

namespace Switchboard.Server.Bots.Faq;

/// <summary>A <c>faq_entries</c> row.</summary>
public sealed class FaqRow
{
    public const string Columns = "id, workspace_id, question, answer, phrasings, created_at, updated_at";

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public string Question { get; set; } = "";
    public string Answer { get; set; } = "";
    /// <summary>JSON array of other ways to ask the question; null for none.</summary>
    public string? Phrasings { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public IReadOnlyList<string> PhrasingList => Phrasings is null ? [] : JsonSerializer.Deserialize<string[]>(Phrasings) ?? [];

    public FaqEntryResponse ToResponse() => new(Id, Question, Answer, PhrasingList, Time.FromMs(CreatedAt), Time.FromMs(UpdatedAt));

    public FaqEntry ToEntry() => new(Id, Question, Answer) { Phrasings = PhrasingList };
}
