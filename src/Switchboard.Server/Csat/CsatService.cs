using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Switchboard.Core;
using Switchboard.Core.Messages;
using Switchboard.Core.Text;
using Switchboard.Server.Auth;
using Switchboard.Server.Conversations;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Csat;

/// <summary>
/// Ratings given by the customer (docs/workflow.md, "Customer satisfaction"). Each change is a <c>csat.updated</c> in the
/// workspace's write; a retried mutation answers with its first result; the same rating and comment again change nothing.
/// </summary>
public sealed class CsatService(EventLogWriter eventLog, IOptions<CsatOptions> options, ILogger<CsatService> logger)
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int MaxCommentLength = 1000;

    /// <summary>The visitor rates a request of their own conversation (another's is 404, as if it did not exist).</summary>
    public Task<CsatWriteResponse> SubmitAsync(Caller caller, long conversationId, SubmitCsatRequest request, CancellationToken cancellationToken)
    {
        var mutationId = MessageText.ValidateClientId(request.MutationId, "mutationId");
        if (request.RequestId is not > 0) throw new DomainException("request_id_invalid", "requestId must be the id of the rating request.", DomainErrorKind.Invalid);
        var rating = ValidateRating(request.Rating);
        var comment = NormalizeComment(request.Comment);
        var requestHash = Hash($"{conversationId}|{request.RequestId}|{rating}|{comment}");

        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            await ConversationStore.GetVisibleAsync(w.Connection, w.Transaction, caller, conversationId);
            var replay = await IdempotencyStore.FindAsync(w, mutationId);
            var target = $"csat:{request.RequestId}";
            if (replay is not null)
            {
                if (replay.Target != target || replay.RequestHash != requestHash)
                    throw new DomainException(ErrorCodes.IdempotencyConflict, "This mutationId was already used for a different change.");
                var current = await CsatStore.FindAsync(w, request.RequestId.Value) ?? throw NotFound();
                return new CsatWriteResponse(View(caller, current), replay.Seq, Replayed: true);
            }
            var row = await CsatStore.FindAsync(w, request.RequestId.Value);
            if (row is null || row.ConversationId != conversationId) throw NotFound();
            var (after, seq) = await RateAsync(w, row, rating, comment, caller.Actor, mutationId);
            await IdempotencyStore.RecordAsync(w, mutationId, target, requestHash, seq);
            return new CsatWriteResponse(View(caller, after), seq, Replayed: false);
        }, cancellationToken);
    }

    /// <summary>
    /// Gives or changes a rating inside its window, in the caller's write; the same answer again writes nothing and returns
    /// the current cursor. Shared by the widget's submit and WhatsApp's button reply.
    /// </summary>
    public async Task<(CsatRow Row, long Seq)> RateAsync(WriteContext w, CsatRow row, int rating, string? comment, Actor actor, string? mutationId = null)
    {
        if (w.NowMs > row.ChangeableUntilMs(options.Value))
            throw new DomainException("csat_closed", "This rating can no longer be given or changed.");
        if (row.Rating == rating && row.Comment == comment) return (row, w.LastSeq);
        var after = await CsatStore.RateAsync(w, row, rating, comment);
        var seq = await CsatHook.AppendAsync(w, after, options.Value, actor, mutationId);
        CsatLog.Rated(logger, w.WorkspaceId, after.Id, after.ConversationId, rating);
        return (after, seq);
    }

    CsatResponse View(Caller caller, CsatRow row) => caller.IsVisitor ? row.ToVisitor(options.Value) : row.ToTeam(options.Value);

    static int ValidateRating(int? rating) => rating is >= MinRating and <= MaxRating
        ? rating.Value
        : throw new DomainException("rating_invalid", $"rating must be a whole number from {MinRating} to {MaxRating}.", DomainErrorKind.Invalid);

    /// <summary>Trimmed; blank is no comment. Control characters and overlong text are refused, not cut.</summary>
    public static string? NormalizeComment(string? comment)
    {
        var trimmed = comment?.Trim();
        if (trimmed is null || TextRules.IsBlank(trimmed)) return null;
        if (trimmed.Length > MaxCommentLength)
            throw new DomainException("comment_too_long", $"comment must be at most {MaxCommentLength} characters.", DomainErrorKind.Invalid);
        if (TextRules.IndexOfRefused(trimmed) >= 0)
            throw new DomainException("comment_invalid", "comment must not contain control characters.", DomainErrorKind.Invalid);
        return trimmed;
    }

    static DomainException NotFound() => new("csat_not_found", "This conversation has no such rating request.", DomainErrorKind.NotFound);

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
