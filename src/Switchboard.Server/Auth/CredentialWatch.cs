using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Auth;

/// <summary>
/// The credentials behind this node's open streams. Signing out, deactivating a member (or changing their password)
/// and deleting an API key end those streams at once on the node that did it; every other node finds out on its next
/// re-check (<see cref="AuthOptions.StreamRecheckInterval"/>), one query per credential kind whatever the number of
/// streams. Visitor sessions are signed, not stored: they end when they expire.
/// </summary>
public sealed class CredentialWatch(Database database, TimeProvider clock, IOptions<AuthOptions> options, ILogger<CredentialWatch> logger)
    : BackgroundService
{
    readonly ConcurrentDictionary<Watcher, byte> watchers = new();

    /// <summary>Calls <paramref name="revoked"/> (once) when the caller's credential stops being valid, until disposed.</summary>
    public IDisposable Watch(Caller caller, Action revoked)
    {
        var watcher = new Watcher(this, caller, revoked);
        if (caller.Kind != CallerKind.Visitor) watchers.TryAdd(watcher, 0);
        return watcher;
    }

    public void RevokeSession(string tokenHash) => Revoke(c => c.SessionTokenHash == tokenHash);

    public void RevokeMember(long memberId) => Revoke(c => c.Kind == CallerKind.Member && c.MemberId == memberId);

    public void RevokeApiKey(long apiKeyId) => Revoke(c => c.Kind == CallerKind.ApiKey && c.ApiKeyId == apiKeyId);

    void Revoke(Func<Caller, bool> matches) => Revoke(watchers.Keys, matches);

    /// <summary>
    /// Runs after the change that revoked the credential committed (a sign-out, a deactivation), on its request: nothing
    /// here may fail that request, or a committed change would be answered 500.
    /// </summary>
    void Revoke(IEnumerable<Watcher> candidates, Func<Caller, bool> matches)
    {
        var count = 0;
        foreach (var watcher in candidates)
        {
            if (!matches(watcher.Caller)) continue;
            try
            {
                if (watcher.Fire()) count++;
            }
            catch (Exception ex)
            {
                AuthLog.RevokeFailed(logger, ex.GetType().Name);
            }
        }
        if (count > 0) AuthLog.StreamsRevoked(logger, count);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StreamRecheckInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RecheckAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database may be down: the streams stay until a re-check can tell.
                    AuthLog.RecheckFailed(logger, ex.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    /// <summary>Ends the streams whose session or key is gone, expired or belongs to a deactivated member (another node's doing).</summary>
    public async Task RecheckAsync(CancellationToken cancellationToken)
    {
        // Only the streams asked about are judged: one opened while the query ran is not in its answer, and would
        // otherwise be taken for revoked.
        var asked = watchers.Keys.ToList();
        var callers = asked.Select(w => w.Caller).ToList();
        var sessions = callers.Where(c => c.SessionTokenHash is not null).Select(c => c.SessionTokenHash!).Distinct(StringComparer.Ordinal).ToList();
        var keys = callers.Where(c => c.Kind == CallerKind.ApiKey).Select(c => c.ApiKeyId!.Value).Distinct().ToList();
        if (sessions.Count == 0 && keys.Count == 0) return;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        // Dapper hands Npgsql a list as one array parameter, and expands it into (@a, @b, …) for SQLite.
        var inChunk = database.Provider == DatabaseProvider.Postgres ? "= ANY(@chunk)" : "IN @chunk";
        var (validSessions, validKeys) = await database.ReadAsync(async (c, tx) =>
        {
            var s = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in sessions.Chunk(500))
                s.UnionWith(await c.QueryAsync<string>(new CommandDefinition($"""
                    SELECT s.token_hash FROM member_sessions s JOIN members m ON m.id = s.member_id
                    WHERE s.token_hash {inChunk} AND s.expires_at > @now AND m.active = @active
                    """, new { chunk, now, active = true }, tx, cancellationToken: cancellationToken)));
            var k = new HashSet<long>();
            foreach (var chunk in keys.Chunk(500))
                k.UnionWith(await c.QueryAsync<long>(new CommandDefinition(
                    $"SELECT id FROM api_keys WHERE id {inChunk} AND revoked_at IS NULL", new { chunk }, tx, cancellationToken: cancellationToken)));
            return (s, k);
        }, cancellationToken);
        Revoke(asked, c => c.SessionTokenHash is { } hash ? !validSessions.Contains(hash) : c.Kind == CallerKind.ApiKey && !validKeys.Contains(c.ApiKeyId!.Value));
    }

    sealed class Watcher(CredentialWatch owner, Caller caller, Action revoked) : IDisposable
    {
        int fired;

        public Caller Caller { get; } = caller;

        public bool Fire()
        {
            if (Interlocked.Exchange(ref fired, 1) != 0) return false;
            try
            {
                revoked();
            }
            catch (ObjectDisposedException)
            {
                // The stream ended between the snapshot of the watchers and now (a long-poll answered and disposed its
                // token source): there is nothing left to end.
                return false;
            }
            return true;
        }

        public void Dispose() => owner.watchers.TryRemove(this, out _);
    }
}
