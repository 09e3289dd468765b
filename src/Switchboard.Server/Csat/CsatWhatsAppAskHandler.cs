using Dapper;
using Switchboard.Server.Jobs;
using Switchboard.Server.Storage;
using Switchboard.Server.WhatsApp;

namespace Switchboard.Server.Csat;

/// <summary>
/// Sends a WhatsApp rating request through the Cloud API, like an outbound message's send job: 429, 5xx or no answer
/// fail the attempt (the job system retries with backoff); a refusal (outside the 24-hour window, say) is logged and
/// the request stays unanswered. It is no transcript message: the team sees the request as its <c>csat.updated</c>.
/// </summary>
public sealed class CsatWhatsAppAskHandler(Database database, WhatsAppSecrets secrets, GraphApiClient graph, ILogger<CsatWhatsAppAskHandler> logger) : IJobHandler
{
    public string Kind => CsatWhatsApp.AskJobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var workspaceId = job.WorkspaceId ?? throw new InvalidOperationException($"Job {job.Id} has no workspace.");
        var requestId = job.Read<CsatAskJob>().RequestId;
        var target = await database.ReadAsync<(WhatsAppInboxRow Inbox, string WaId)?>(async (c, tx) =>
        {
            var row = await c.QuerySingleOrDefaultAsync<CsatRow>(new CommandDefinition(
                $"SELECT {CsatRow.Columns} FROM csat_ratings WHERE workspace_id = @workspaceId AND id = @requestId", new { workspaceId, requestId }, tx,
                cancellationToken: cancellationToken));
            if (row is null || row.Rating is not null) return null;
            var inbox = await WhatsAppInboxStore.FindAsync(c, tx, row.InboxId, cancellationToken);
            var waId = await WhatsAppSendHandler.WaIdAsync(c, tx, row.ContactId, cancellationToken);
            return inbox is null || waId is null ? null : (inbox, waId);
        }, cancellationToken);
        // Rated already (a retry after a slow answer), or nowhere to send: nothing to do.
        if (target is not { } t || !secrets.TryUnprotect(t.Inbox.InboxId, t.Inbox.AccessToken, out var accessToken)) return;

        var result = await graph.SendAsync(t.Inbox.GraphBaseUrl, t.Inbox.PhoneNumberId, accessToken, CsatWhatsApp.Body(requestId, t.WaId), cancellationToken);
        if (result.Accepted) CsatLog.AskSent(logger, workspaceId, requestId);
        else if (result.Refused) CsatLog.AskRefused(logger, workspaceId, requestId, result.StatusCode ?? 0, result.ErrorCode);
        else throw new WhatsAppSendException(result.Reason);
    }
}
