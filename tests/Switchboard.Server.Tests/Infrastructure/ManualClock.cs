namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// A clock tests move by hand. It starts at a random instant (as SignalR's test clock does), so code that reads
/// the real clock instead of the injected <see cref="TimeProvider"/> fails every time, not once in a while.
/// Timers (Task.Delay, PeriodicTimer, CancellationTokenSource with a delay) fire when <see cref="Advance"/> passes
/// their due time; a periodic timer that missed several periods fires once, as a real one that was starved would.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    readonly Lock gate = new();
    readonly List<ManualTimer> timers = [];
    DateTimeOffset now;

    public ManualClock(DateTimeOffset? start = null) =>
        now = start ?? new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero)
            .AddSeconds(Random.Shared.Next(0, 300 * 24 * 3600)).AddMilliseconds(Random.Shared.Next(0, 1000));

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate) return now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "Time only moves forward.");
        lock (gate) now += by;
        FireDue();
    }

    /// <summary>Moves the clock forward to <paramref name="instant"/>.</summary>
    public void AdvanceTo(DateTimeOffset instant) => Advance(instant - GetUtcNow());

    void FireDue()
    {
        while (true)
        {
            ManualTimer? due;
            lock (gate)
            {
                due = timers.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).FirstOrDefault();
                if (due is null) return;
                if (due.Period is { } period) due.DueAt = now + period;
                else timers.Remove(due);
            }
            // Outside the lock: the callback may create or change timers, or read the clock.
            due.Fire();
        }
    }

    sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }
        public TimeSpan? Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                clock.timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                DueAt = clock.now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
                clock.timers.Add(this);
            }
            clock.FireDue();
            return true;
        }

        public void Dispose()
        {
            lock (clock.gate) clock.timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
