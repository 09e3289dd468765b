namespace Switchboard.Bench.Scenarios;

/// <summary>
/// Finds the highest sustainable rate: from <c>start</c>, rates rise by half a step at a time until one is not
/// sustained (fewer than 95 % of the scheduled messages per second, any failure, or p99 over the limit), or fall by
/// a third at a time until one is (never below <see cref="Floor"/>); then one step refines between the last good
/// and the first bad rate.
/// </summary>
public static class RateSearch
{
    public const double Floor = 20;

    public static async Task<(double Rate, T? Best)> RunAsync<T>(double start, double ceiling, Func<double, Task<(bool Sustained, T Result)>> measure)
        where T : class
    {
        double good = 0, bad = 0;
        T? best = null;
        var (sustained, result) = await measure(start);
        if (sustained)
        {
            (good, best) = (start, result);
            for (var rate = Math.Round(start * 1.5); rate <= ceiling; rate = Math.Round(rate * 1.5))
            {
                (sustained, result) = await measure(rate);
                if (!sustained) { bad = rate; break; }
                (good, best) = (rate, result);
            }
        }
        else
        {
            bad = start;
            for (var rate = Math.Round(start / 1.5); rate >= Floor; rate = Math.Round(rate / 1.5))
            {
                (sustained, result) = await measure(rate);
                if (sustained) { (good, best) = (rate, result); break; }
                bad = rate;
            }
        }
        if (bad > 0 && good > 0 && bad - good > 1)
        {
            var middle = Math.Round((good + bad) / 2);
            (sustained, result) = await measure(middle);
            if (sustained) (good, best) = (middle, result);
        }
        return (good, best);
    }
}
