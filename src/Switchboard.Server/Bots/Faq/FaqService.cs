using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Bots.Config;
using Switchboard.Server.Bots.KnowledgeBase;
using Switchboard.Server.EventLog;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Bots.Faq;

/// <summary>The FAQ entries the knowledge-base bot answers from (and the LLM bot takes as context).</summary>
public sealed class FaqService(Database database, EventLogWriter eventLog, KnowledgeBaseCache knowledgeBase, BotConfigStore configs, ITextEmbedder embedder)
{
    public Task<IReadOnlyList<FaqRow>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        database.ReadAsync((c, tx) => FaqStore.ListAsync(c, tx, caller.WorkspaceId), cancellationToken);

    public async Task<FaqRow> GetAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        await database.ReadAsync((c, tx) => FaqStore.FindAsync(c, tx, caller.WorkspaceId, id), cancellationToken) ?? throw NotFound();

    public Task<FaqRow> CreateAsync(Caller caller, FaqEntryRequest request, CancellationToken cancellationToken)
    {
        var question = Field(request.Question, BotLimits.MaxQuestionLength, "question");
        var answer = Field(request.Answer, BotLimits.MaxAnswerLength, "answer");
        var phrasings = request.Phrasings is null ? [] : Phrasings(request.Phrasings);
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            if (await FaqStore.CountAsync(w.Connection, w.Transaction, w.WorkspaceId) >= BotLimits.MaxFaqEntries)
                throw new DomainException("faq_limit", $"A workspace can have at most {BotLimits.MaxFaqEntries} FAQ entries.");
            var row = await FaqStore.InsertAsync(w.Connection, w.Transaction, w.WorkspaceId, question, answer, w.NowMs);
            // An entry may arrive with its other phrasings (an import); they are stored in the same write.
            return phrasings.Count == 0 ? row
                : (await FaqStore.UpdateAsync(w.Connection, w.Transaction, w.WorkspaceId, row.Id, null, null, phrasings, w.NowMs))!;
        }, cancellationToken);
    }

    public Task<FaqRow> UpdateAsync(Caller caller, long id, FaqEntryRequest request, CancellationToken cancellationToken)
    {
        var question = request.Question is null ? null : Field(request.Question, BotLimits.MaxQuestionLength, "question");
        var answer = request.Answer is null ? null : Field(request.Answer, BotLimits.MaxAnswerLength, "answer");
        var phrasings = request.Phrasings is null ? null : Phrasings(request.Phrasings);
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
            await FaqStore.UpdateAsync(w.Connection, w.Transaction, w.WorkspaceId, id, question, answer, phrasings, w.NowMs) ?? throw NotFound(),
            cancellationToken);
    }

    /// <summary>Adds a way customers ask <paramref name="id"/>'s question (already there: nothing changes).</summary>
    public Task<FaqRow> AddPhrasingAsync(Caller caller, long id, FaqPhrasingRequest request, CancellationToken cancellationToken)
    {
        var text = Field(request.Text, BotLimits.MaxQuestionLength, "text");
        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var row = await FaqStore.FindAsync(w.Connection, w.Transaction, w.WorkspaceId, id) ?? throw NotFound();
            if (row.PhrasingList.Contains(text, StringComparer.OrdinalIgnoreCase)) return row;
            var phrasings = Phrasings([.. row.PhrasingList, text]);
            return (await FaqStore.UpdateAsync(w.Connection, w.Transaction, w.WorkspaceId, id, null, null, phrasings, w.NowMs))!;
        }, cancellationToken);
    }

    static IReadOnlyList<string> Phrasings(IReadOnlyList<string?> phrasings)
    {
        if (phrasings.Count > BotLimits.MaxPhrasings)
            throw new DomainException("phrasings_invalid", $"An entry can have at most {BotLimits.MaxPhrasings} phrasings.", DomainErrorKind.Invalid);
        return phrasings.Select(p => Field(p, BotLimits.MaxQuestionLength, "phrasings")).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public Task DeleteAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(caller.WorkspaceId, async w =>
            await FaqStore.DeleteAsync(w.Connection, w.Transaction, w.WorkspaceId, id) ? 0 : throw NotFound(), cancellationToken);

    /// <summary>Ranks the entries for <paramref name="query"/> as the knowledge-base bot would, with the threshold in force.</summary>
    public async Task<FaqSearchResponse> SearchAsync(Caller caller, string? query, long? inboxId, CancellationToken cancellationToken)
    {
        var q = Field(query, BotLimits.MaxQuestionLength, "q");
        var settings = await database.ReadAsync((c, tx) => configs.LoadSettingsAsync(c, tx, caller.WorkspaceId, inboxId), cancellationToken);
        var index = await knowledgeBase.GetAsync(caller.WorkspaceId, cancellationToken);
        var matches = index.Search(q, take: 3, cancellationToken);
        var threshold = settings.ConfidenceThreshold!.Value;
        var found = matches.Select(m => new FaqMatchResponse(m.Entry.Id, m.Entry.Question, m.Entry.Answer, Math.Round(m.Confidence, 4),
            m.Semantic is { } s ? Math.Round(s, 4) : null, Math.Round(m.Keyword, 4), Math.Round(m.Score, 4), m.MatchedSentence)).ToList();
        var verdict = KnowledgeBaseBot.Verdict(KnowledgeBaseBot.Decide(matches, threshold));
        var readAs = index.ReadAs(q);
        return new FaqSearchResponse(found, threshold, verdict == "answer", verdict, index.IsSemantic ? embedder.Model : null, readAs == q ? null : readAs);
    }

    static string Field(string? value, int max, string field)
    {
        var v = value?.Trim() ?? "";
        if (v.Length is 0 || v.Length > max)
            throw new DomainException($"{field}_invalid", $"{field} must be 1 to {max} characters.", DomainErrorKind.Invalid);
        return v;
    }

    static DomainException NotFound() => new("faq_entry_not_found", "No such FAQ entry.", DomainErrorKind.NotFound);
}
