using System.Diagnostics;

namespace Switchboard.Bench.Load;

/// <summary>One monotonic clock for senders and receivers in this process, so their timestamps subtract.</summary>
public static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
