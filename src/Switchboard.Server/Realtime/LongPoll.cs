using Microsoft.Extensions.Options;
using Switchboard.Server.Auth;

namespace Switchboard.Server.Realtime;

/// <summary>
/// Long-polling over the same log and cursor as the streams: answers as soon as there is something after the
/// cursor this caller may see, or with an empty batch after <see cref="RealtimeOptions.PollTimeout"/>. The
/// answer's cursor is how far the log was read, which can pass events the caller may not see.
/// </summary>
public sealed class LongPoll(
    IEventBus bus, EventReader reader, IStreamScopes scopes, ConnectionLimiter limiter, RealtimeMetrics metrics, CredentialWatch credentials,
    IOptions<RealtimeOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<LongPoll> logger)
{
    public const string Transport = "poll";
    public const int MaxLimit = 1000;

    public async Task PollAsync(HttpContext http, long? cursor, int limit)
    {
        using var lease = limiter.TryAcquire();
        if (lease is null)
        {
            await StreamRunner.RefuseAsync(http, limiter, Transport, logger);
            return;
        }
        metrics.Opened(Transport);
        try
        {
            await (await WaitForEventsAsync(http, cursor, limit)).ExecuteAsync(http);
        }
        finally
        {
            metrics.Closed(Transport);
        }
    }

    async Task<IResult> WaitForEventsAsync(HttpContext http, long? cursor, int limit)
    {
        var caller = Caller.From(http.User);
        var audience = Audience.From(caller);
        var waiter = new PollWaiter();
        using var revoked = new CancellationTokenSource();
        using var watch = credentials.Watch(caller, revoked.Cancel);
        using var subscription = bus.Subscribe(audience.WorkspaceId, waiter);
        var (start, head) = await reader.StartAsync(subscription.Feed, cursor, http.RequestAborted);
        if (start is not { } position) return PollResult.Reset(cursor ?? head, head);
        audience = audience with { Scope = await scopes.ForAsync(caller, http.RequestAborted) };

        using var timeout = new CancellationTokenSource(options.Value.PollTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, http.RequestAborted, lifetime.ApplicationStopping, revoked.Token);
        var events = new List<string>();
        try
        {
            while (events.Count == 0)
            {
                var batch = await reader.NextAsync(subscription.Feed, position, linked.Token);
                if (batch.IsReset) return PollResult.Reset(cursor ?? position, batch.ResetCursor!.Value);
                if (batch.Events.Count == 0)
                {
                    await waiter.WaitAsync(linked.Token);
                    continue;
                }
                foreach (var e in batch.Events)
                {
                    if (events.Count == limit) break;
                    // A team change that may move this operator's scope: answer what comes before it; the next poll starts at it and resets.
                    if (audience.ScopeChangedBy(e))
                        return events.Count == 0 ? PollResult.Reset(cursor ?? position, e.Seq) : Answer(events, position);
                    if (audience.PayloadFor(e) is { } json) events.Add(json);
                    position = e.Seq;
                }
            }
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Time is up (or the server is stopping): answer with what there is, usually nothing.
        }
        // Nothing more for a caller signed out meanwhile: the answer says so, as the next poll would.
        if (revoked.IsCancellationRequested)
            return TypedResults.Problem(Errors.Problems.Create(401, Errors.ErrorCodes.InvalidToken, "The session or key was revoked while this poll waited."));
        return Answer(events, position);
    }

    IResult Answer(List<string> events, long position)
    {
        metrics.Delivered(Transport, events.Count);
        // A stopping node (still accepting during Drain:Delay) would answer every poll at once: tell the client to
        // reconnect, as the other transports are told, so it backs off and lands on another node.
        if (lifetime.ApplicationStopping.IsCancellationRequested) return PollResult.Disconnect(events, position, DisconnectReasons.Shutdown);
        return new PollResult(events, position);
    }
}
