using Switchboard.Server.Common;

namespace Switchboard.Server.Webhooks;

/// <summary>A <c>webhook_deliveries</c> row: one attempt.</summary>
public sealed class WebhookDeliveryRow
{
    public const string Columns = "id, job_id, event_seq, event_type, attempt, status_code, succeeded, error, duration_ms, created_at";

    public long Id { get; set; }
    public long JobId { get; set; }
    public long EventSeq { get; set; }
    public string EventType { get; set; } = "";
    public int Attempt { get; set; }
    public int? StatusCode { get; set; }
    public bool Succeeded { get; set; }
    public string? Error { get; set; }
    public long DurationMs { get; set; }
    public long CreatedAt { get; set; }

    public WebhookDeliveryResponse ToResponse() =>
        new(Id, JobId, EventSeq, EventType, Attempt, StatusCode, Succeeded, Error, DurationMs, Time.FromMs(CreatedAt));
}
