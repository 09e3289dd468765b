using System.Globalization;
using System.Text;
using Dapper;
using Switchboard.Server.Jobs;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Webhooks;

/// <summary>
/// Sends one event to one subscription: a signed POST, logged per attempt. A non-2xx answer or no answer fails the
/// attempt, and the job retries it with backoff. Receivers should dedupe on <c>X-Switchboard-Delivery</c>.
/// </summary>
public sealed class WebhookDeliveryHandler(Database database, IHttpClientFactory httpClients, TimeProvider clock, ILogger<WebhookDeliveryHandler> logger)
    : IJobHandler
{
    public const string JobKind = "webhook.deliver";
    public const string ClientName = "webhooks";
    const int MaxErrorLength = 500;

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var delivery = job.Read<WebhookDeliveryJob>();
        var subscription = await database.ReadAsync((c, tx) => c.QuerySingleOrDefaultAsync<WebhookRow>(new CommandDefinition(
            $"SELECT {WebhookRow.Columns} FROM webhook_subscriptions WHERE id = @SubscriptionId", delivery, tx, cancellationToken: cancellationToken)),
            cancellationToken);
        if (subscription is null || !subscription.Active)
        {
            WebhooksLog.Dropped(logger, delivery.SubscriptionId, delivery.EventSeq);
            return;
        }

        var started = clock.GetTimestamp();
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(subscription.Secret, clock.GetUtcNow().ToUnixTimeSeconds(), delivery.Body));
            request.Headers.Add("X-Switchboard-Event", delivery.EventType);
            request.Headers.Add("X-Switchboard-Delivery", job.Id.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Switchboard-Attempt", job.Attempt.ToString(CultureInfo.InvariantCulture));
            using var response = await httpClients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"HTTP {status}";
        }
        catch (HttpRequestException ex)
        {
            error = Truncate($"{ex.GetType().Name}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "Timed out";
        }

        var durationMs = (long)clock.GetElapsedTime(started).TotalMilliseconds;
        await database.WriteGlobalAsync((c, tx) => c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_deliveries (workspace_id, subscription_id, job_id, event_seq, event_type, attempt, status_code, succeeded, error, duration_ms, created_at)
            VALUES (@WorkspaceId, @subscriptionId, @jobId, @EventSeq, @EventType, @attempt, @status, @succeeded, @error, @durationMs, @now)
            """, new
        {
            subscription.WorkspaceId,
            subscriptionId = subscription.Id,
            jobId = job.Id,
            delivery.EventSeq,
            delivery.EventType,
            attempt = job.Attempt,
            status,
            succeeded = error is null,
            error,
            durationMs,
            now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        }, tx, cancellationToken: cancellationToken)), cancellationToken);

        if (error is not null)
        {
            WebhooksLog.Failed(logger, subscription.Id, delivery.EventSeq, status is { } s ? $"HTTP {s}" : "no answer");
            throw new WebhookDeliveryException(error);
        }
        WebhooksLog.Delivered(logger, subscription.Id, delivery.EventSeq, status!.Value);
    }

    static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
}
