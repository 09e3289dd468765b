using Microsoft.Extensions.Options;

namespace Switchboard.Server.Throttling;

/// <summary>
/// Growing delays for wrong passwords, per account and per client address: after the free failures each further one
/// locks the account (or address) for 1 s, 2 s, 4 s, … up to <see cref="ThrottlingOptions.LoginMaxDelay"/>; a right
/// password resets the account. Unknown accounts count like known ones, so the answer tells nothing about which exist.
/// A sign-in whose password is still being checked counts as a failure until it is known not to be one: guesses sent
/// all at once get no more checks than guesses sent one after another (the free ones, then one at a time).
/// Kept in memory per node: an attacker spread over the nodes of a cluster gets each node's allowance.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, IOptions<ThrottlingOptions> options)
{
    const int MaxEntries = 100_000;
    /// <summary>What a sign-in refused only because others of the account are being checked is told to wait: they take well under a second.</summary>
    static readonly TimeSpan BusyWait = TimeSpan.FromSeconds(1);

    readonly Lock gate = new();
    readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>
    /// Admits a sign-in (null; then call <see cref="End"/> once its password is checked) or says how long the account
    /// or address must still wait.
    /// </summary>
    public TimeSpan? TryBegin(string account, string address)
    {
        if (!options.Value.Enabled) return null;
        var keys = Keys(account, address);
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var wait = keys.Select(k => entries.TryGetValue(k.Key, out var e) ? WaitOf(e, k.Free, now) : TimeSpan.Zero).Max();
            if (wait > TimeSpan.Zero) return wait;
            if (entries.Count > MaxEntries) Forget(now);
            foreach (var (key, _) in keys)
            {
                if (!entries.TryGetValue(key, out var e)) entries[key] = e = new Entry();
                e.InFlight++;
            }
            return null;
        }
    }

    /// <summary>Ends a sign-in <see cref="TryBegin"/> admitted: a wrong password counts, a right one resets the account.</summary>
    public void End(string account, string address, LoginOutcome outcome)
    {
        if (!options.Value.Enabled) return;
        lock (gate)
        {
            var now = clock.GetUtcNow();
            foreach (var (key, free) in Keys(account, address))
            {
                if (!entries.TryGetValue(key, out var e)) continue;
                e.InFlight--;
                if (outcome == LoginOutcome.Failed) Count(e, free, now);
                else if (outcome == LoginOutcome.Succeeded && key.StartsWith(AccountPrefix, StringComparison.Ordinal)) e.Reset();
                if (e.Count == 0 && e.InFlight == 0) entries.Remove(key);
            }
        }
    }

    TimeSpan WaitOf(Entry e, int free, DateTimeOffset now)
    {
        if (e.LockedUntil > now) return e.LockedUntil - now;
        // Every check in flight may still fail: past the free failures only one runs at a time.
        return e.InFlight > 0 && RunOf(e, now) + e.InFlight > free ? BusyWait : TimeSpan.Zero;
    }

    void Count(Entry e, int free, DateTimeOffset now)
    {
        var count = RunOf(e, now) + 1;
        var over = count - free;
        var delay = over <= 0 ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(over - 1, 30)), options.Value.LoginMaxDelay.TotalSeconds));
        (e.Count, e.LockedUntil, e.LastFailure) = (count, now + delay, now);
    }

    /// <summary>The failures in the current run: one older than the longest delay is forgotten, so a typo next week starts from nothing.</summary>
    int RunOf(Entry e, DateTimeOffset now) => now - e.LastFailure > options.Value.LoginMaxDelay ? 0 : e.Count;

    /// <summary>Drops what no longer delays anyone (a failure run older than the longest delay, nothing in flight), so the table stays bounded.</summary>
    void Forget(DateTimeOffset now)
    {
        foreach (var (key, e) in entries)
            if (e.InFlight == 0 && RunOf(e, now) == 0) entries.Remove(key);
    }

    const string AccountPrefix = "account:";

    (string Key, int Free)[] Keys(string account, string address) =>
        [(AccountPrefix + account, options.Value.LoginFailuresPerAccount), ("address:" + address, options.Value.LoginFailuresPerAddress)];

    sealed class Entry
    {
        public int Count;
        public DateTimeOffset LockedUntil;
        public DateTimeOffset LastFailure;
        public int InFlight;

        public void Reset() => (Count, LockedUntil, LastFailure) = (0, default, default);
    }
}

/// <summary>How a sign-in admitted by <see cref="LoginThrottle"/> ended; <see cref="Unknown"/> when it failed for another reason (the database, a cancelled request) and counts neither way.</summary>
public enum LoginOutcome { Succeeded, Failed, Unknown }
