using System.Globalization;
using Microsoft.Extensions.Options;
using Switchboard.Server.EventLog;
using Switchboard.Server.Jobs;

namespace Switchboard.Server.Webhooks;

/// <summary>
/// Enqueues one delivery job per (subscription, event) in the transaction that appends the event: a committed
/// event is always delivered (eventually, or dead-lettered), and a rolled-back one never is.
/// </summary>
public sealed class WebhookEnqueueHook(JobQueue jobs, IOptions<WebhooksOptions> options) : IWriteHook
{
    /// <summary>Last: it must see every event, including those other hooks append.</summary>
    public int Order => 100;

    public async Task BeforeCommitAsync(WriteContext w, IReadOnlyList<AppendedEvent> events, CancellationToken cancellationToken)
    {
        var subscriptions = await w.ReadConfigAsync("webhook-subscribers", 0, ActiveAsync);
        if (subscriptions.Count == 0) return;
        foreach (var e in events)
        {
            // An event addressed to one member (a personal canned reply) is that member's own business, not the workspace's.
            if (e.Stored.MemberId is not null) continue;
            // The stored envelope is already JSON: embed it as is instead of serializing the event again.
            var body = string.Create(CultureInfo.InvariantCulture, $"{{\"workspaceId\":{w.WorkspaceId},\"event\":{e.Stored.Payload}}}");
            foreach (var subscription in subscriptions.Where(s => s.Wants(e.Stored.Type)))
                await jobs.EnqueueAsync(w, WebhookDeliveryHandler.JobKind, new WebhookDeliveryJob(subscription.Id, e.Stored.Seq, e.Stored.Type, body),
                    new JobEnqueueOptions(MaxAttempts: options.Value.MaxAttempts));
        }
    }

    /// <summary>Read on a write's first need after a change; <see cref="WebhookService"/> announces every change (ConfigChangedAsync).</summary>
    static async Task<IReadOnlyList<WebhookSubscriber>> ActiveAsync(WriteContext w) =>
        (await w.QueryAsync<WebhookRow>(
            $"SELECT {WebhookRow.Columns} FROM webhook_subscriptions WHERE workspace_id = @WorkspaceId AND active = @active",
            new { w.WorkspaceId, active = true }, w.CancellationToken)).Select(r => r.ToSubscriber()).ToList();
}
