using System.Runtime.CompilerServices;
using Switchboard.Client.Streaming;

namespace Switchboard.Server.Tests.Sdk;

/// <summary>Cuts the stream after a seeded random number of items, as a flaky network would.</summary>
sealed class ChaosTransport(IEventStreamTransport inner, Random random, int maxItemsPerConnection) : IEventStreamTransport
{
    public int Disconnects { get; private set; }

    public string Name => "chaos-" + inner.Name;

    public async IAsyncEnumerable<StreamItem> ReadAsync(long cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int budget;
        lock (random) budget = random.Next(1, maxItemsPerConnection + 1);
        await foreach (var item in inner.ReadAsync(cursor, cancellationToken))
        {
            yield return item;
            if (--budget == 0)
            {
                Disconnects++;
                yield break;
            }
        }
    }
}
