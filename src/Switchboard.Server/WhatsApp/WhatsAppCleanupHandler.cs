using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Server.Jobs;
using Switchboard.Server.Storage;

namespace Switchboard.Server.WhatsApp;

/// <summary>Periodic: deletes processed webhook payloads, and status callbacks whose message never turned up, after their retention.</summary>
public sealed class WhatsAppCleanupHandler(Database database, IOptions<WhatsAppOptions> options, TimeProvider clock, ILogger<WhatsAppCleanupHandler> logger)
    : IJobHandler
{
    public const string JobKind = "whatsapp.cleanup";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var before = (clock.GetUtcNow() - options.Value.PayloadRetention).ToUnixTimeMilliseconds();
        var (webhooks, statuses) = await database.WriteGlobalAsync(async (c, tx) => (
            await c.ExecuteAsync(new CommandDefinition(
                "DELETE FROM whatsapp_webhooks WHERE received_at < @before AND processed_at IS NOT NULL", new { before }, tx, cancellationToken: cancellationToken)),
            await c.ExecuteAsync(new CommandDefinition(
                "DELETE FROM whatsapp_orphan_statuses WHERE received_at < @before", new { before }, tx, cancellationToken: cancellationToken))),
            cancellationToken);
        if (webhooks + statuses > 0) WhatsAppLog.CleanedUp(logger, webhooks, statuses);
    }
}
