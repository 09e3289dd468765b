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
    public async Task<(CsatRow Row, long Seq)> RateAsync(WriteContext w, CsatRow row, long rating, string? comment, Actor actor, string? mutationId = null)
    {
        if (w.NowMs > row.ChangeableUntilMs(options.Value))
            throw new DomainException("csat_closed", "This rating can no longer be given or changed.");
        if (row.Rating == rating && row.Comment == comment) return (row, w.LastSeq);
        var after = await CsatStore.RateAsync(w, row, (int)rating, comment);
        var seq = await CsatHook.AppendAsync(w, after, options.Value, actor, mutationId);
        CsatLog.Rated(logger, w.WorkspaceId, after.Id, after.ConversationId, (int)rating);
        return (after, seq);
    }

    /// <summary>
    /// A WhatsApp button reply: rates the request it names when it is this contact's (Meta's redelivery changes nothing;
    /// a reply after the window is ignored, as the customer cannot be answered with a 409).
    /// </summary>
    public Task RateFromWhatsAppAsync(long workspaceId, long contactId, long requestId, int rating, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(workspaceId, async w =>
        {
            var row = await CsatStore.FindAsync(w, requestId);
            if (row is null || row.ContactId != contactId || row.Channel != Inboxes.InboxChannels.WhatsApp)
                CsatLog.ReplyIgnored(logger, workspaceId, requestId);
            else if (w.NowMs > row.ChangeableUntilMs(options.Value))
                CsatLog.RatingTooLate(logger, workspaceId, requestId);
            else
                await RateAsync(w, row, rating, row.Comment, Actor.Contact(contactId));
            return 0;
        }, cancellationToken);

    /// <summary>
    /// A WhatsApp text shortly after a button reply (<see cref="CsatOptions.CommentWindow"/>) becomes that rating's comment,
    /// when it has none yet. The text is a message too: nothing the customer writes is swallowed.
    /// </summary>
    public Task CommentFromWhatsAppAsync(long workspaceId, long contactId, string text, CancellationToken cancellationToken) =>
        eventLog.WriteAsync(workspaceId, async w =>
        {
            var row = await CsatStore.LatestOfContactAsync(w, contactId, Inboxes.InboxChannels.WhatsApp);
            if (row is { Rating: { } rating, Comment: null, RatedAt: { } ratedAt } && w.NowMs - ratedAt <= (long)options.Value.CommentWindow.TotalMilliseconds
                && w.NowMs <= row.ChangeableUntilMs(options.Value))
            {
                var comment = TextRules.Strip(text).Trim();
                if (comment.Length > MaxCommentLength) comment = comment[..MaxCommentLength];
                if (!TextRules.IsBlank(comment)) await RateAsync(w, row, (int)rating, comment, Actor.Contact(contactId));
            }
            return 0;
        }, cancellationToken);

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
