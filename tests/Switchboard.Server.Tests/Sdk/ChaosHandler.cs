namespace Switchboard.Server.Tests.Sdk;

/// <summary>
/// Makes message sends fail at seeded random: before they reach the server, or after the server applied them
/// with the answer lost. Either way the SDK must retry with the same id and never show a message twice.
/// </summary>
sealed class ChaosHandler(Random random, double failBefore, double loseAnswer) : DelegatingHandler
{
    public int FailedBefore { get; private set; }
    public int LostAnswers { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var isSend = request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal);
        double roll;
        lock (random) roll = random.NextDouble();
        if (isSend && roll < failBefore)
        {
            FailedBefore++;
            throw new HttpRequestException("chaos: connection refused");
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (isSend && roll < failBefore + loseAnswer)
        {
            LostAnswers++;
            response.Dispose();
            throw new HttpRequestException("chaos: connection reset after the server answered");
        }
        return response;
    }
}
