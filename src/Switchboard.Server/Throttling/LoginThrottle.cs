using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Switchboard.Server.Throttling;

/// <summary>
/// Growing delays for wrong passwords, per account and per client address: after the free failures each further one
/// locks the account (or address) for 1 s, 2 s, 4 s, … up to <see cref="ThrottlingOptions.LoginMaxDelay"/>; a right
/// password resets the account. Unknown accounts count like known ones, so the answer tells nothing about which exist.
/// Kept in memory per node: an attacker spread over the nodes of a cluster gets each node's allowance.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, IOptions<ThrottlingOptions> options)
{
    const int MaxEntries = 100_000;
    readonly ConcurrentDictionary<string, Failures> failures = new(StringComparer.Ordinal);

    /// <summary>How long the account or address must still wait, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string account, string address)
    {
        if (!options.Value.Enabled) return null;
        var now = clock.GetUtcNow();
        var wait = new[] { Key("account", account), Key("address", address) }
            .Select(k => failures.TryGetValue(k, out var f) ? f.LockedUntil - now : TimeSpan.Zero).Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string account, string address)
    {
        if (!options.Value.Enabled) return;
        if (failures.Count > MaxEntries) Forget();
        Count(Key("account", account), options.Value.LoginFailuresPerAccount);
        Count(Key("address", address), options.Value.LoginFailuresPerAddress);
    }

    public void Succeeded(string account) => failures.TryRemove(Key("account", account), out _);

    void Count(string key, int free)
    {
        var now = clock.GetUtcNow();
        // A run of failures older than the longest delay is forgotten: a typo next week starts from nothing.
        failures.AddOrUpdate(key, _ => Next(0, free, now),
            (_, f) => Next(now - f.LastFailure > options.Value.LoginMaxDelay ? 0 : f.Count, free, now));
    }

    Failures Next(int count, int free, DateTimeOffset now)
    {
        var over = count + 1 - free;
        var delay = over <= 0 ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(over - 1, 30)), options.Value.LoginMaxDelay.TotalSeconds));
        return new Failures(count + 1, now + delay, now);
    }

    /// <summary>Drops what no longer delays anyone (a failure run older than the longest delay), so the table stays bounded.</summary>
    void Forget()
    {
        var horizon = clock.GetUtcNow() - options.Value.LoginMaxDelay;
        foreach (var (key, f) in failures)
            if (f.LastFailure < horizon) failures.TryRemove(key, out _);
    }

    static string Key(string kind, string value) => kind + ":" + value;

    readonly record struct Failures(int Count, DateTimeOffset LockedUntil, DateTimeOffset LastFailure);
}
