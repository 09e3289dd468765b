namespace Switchboard.Bench.Scenarios;

/// <summary>
/// Finds the highest sustainable rate: rates rise by half each step from <c>start</c> until one is not sustained
/// (fewer than 95 % of the scheduled messages per second, any failure, or p99 over the limit), then one step refines
/// between the last good and the first bad rate.
/// </summary>
public static class RateSearch
{
    public static async Task<(double Rate, T? Best)> RunAsync<T>(double start, double ceiling, Func<double, Task<(bool Sustained, T Result)>> measure)
        where T : class
    {
        double good = 0, bad = 0;
        T? best = null;
        for (var rate = start; rate <= ceiling; rate = Math.Round(rate * 1.5))
        {
            var (sustained, result) = await measure(rate);
            if (!sustained) { bad = rate; break; }
            (good, best) = (rate, result);
        }
        if (bad > 0 && good > 0)
        {
            var middle = Math.Round((good + bad) / 2);
            var (sustained, result) = await measure(middle);
            if (sustained) (good, best) = (middle, result);
        }
        return (good, best);
    }
}
