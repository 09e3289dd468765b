namespace Switchboard.Server.Tests.Realtime;

/// <summary>Seeds for randomized schedules: random per run, fixed with SB_STREAM_SEED to replay a failure.</summary>
public static class Seeds
{
    public static int Next() =>
        Environment.GetEnvironmentVariable("SB_STREAM_SEED") is { Length: > 0 } fixedSeed ? int.Parse(fixedSeed, System.Globalization.CultureInfo.InvariantCulture) : Random.Shared.Next();

    /// <summary>Runs a seeded test body and names the seed in any failure, so it can be replayed.</summary>
    public static async Task RunAsync(int seed, Func<Random, Task> body)
    {
        try
        {
            await body(new Random(seed));
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"Failed with seed {seed} (replay with SB_STREAM_SEED={seed}): {ex.Message}\n{ex}");
        }
    }
}
