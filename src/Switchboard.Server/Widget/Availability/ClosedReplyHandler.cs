using System.Globalization;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Queue;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Widget.Availability;

public sealed record ClosedReplyJob(long ConversationId, DateTimeOffset? NextOpenAt, string TimeZone);

/// <summary>
/// The <c>widget.closed_reply</c> job: a system message telling the visitor when the team is back (idempotent by a
/// <c>clientMessageId</c> per conversation and opening), and a bot conversation the bot will not answer now goes to
/// the queue, so the team finds it when it opens.
/// </summary>
public sealed class ClosedReplyHandler(Database database, MessageService messages, QueueService queue, ILogger<ClosedReplyHandler> logger) : IJobHandler
{
    public const string JobKind = "widget.closed_reply";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var workspaceId = job.WorkspaceId ?? throw new InvalidOperationException($"Job {job.Id} ({JobKind}) has no workspace.");
        var reply = job.Read<ClosedReplyJob>();
        var reopens = reply.NextOpenAt?.ToUnixTimeSeconds() ?? 0;
        await messages.PostAsync(new MessagePost(workspaceId, Author.System, reply.ConversationId,
            new PostMessageRequest($"closed-{reply.ConversationId}-{reopens}", Text(reply), null, null)), cancellationToken);
        var record = await database.ReadAsync((c, tx) => ConversationStore.FindAsync(c, tx, workspaceId, reply.ConversationId), cancellationToken);
        if (record is { Conversation.BotActive: true })
            await queue.HandoffAsync(workspaceId, reply.ConversationId, "Outside business hours", Actor.System, $"closed-handoff-{reply.ConversationId}-{reopens}", cancellationToken);
        WidgetLog.ClosedReply(logger, workspaceId, reply.ConversationId);
    }

    /// <summary>The reply, with the opening in the inbox's zone (English: the server does not know the visitor's language).</summary>
    public static string Text(ClosedReplyJob reply)
    {
        if (reply.NextOpenAt is not { } at) return "We're closed at the moment. Leave your email and we'll answer you there.";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(reply.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return $"We're closed at the moment. We're back {local.ToString("dddd d MMMM, HH:mm", CultureInfo.InvariantCulture)} ({zone.Id} time). "
            + "Leave your email and we'll answer you there.";
    }
}
