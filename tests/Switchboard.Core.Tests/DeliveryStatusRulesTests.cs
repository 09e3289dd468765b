using Switchboard.Core.Messages;

namespace Switchboard.Core.Tests;

public sealed class DeliveryStatusRulesTests
{
    [Theory]
    [InlineData(DeliveryStatus.Sending, DeliveryStatus.Sent, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Read, true)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Delivered, false)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Delivered, false)]
    [InlineData(DeliveryStatus.Sending, DeliveryStatus.Failed, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Failed, true)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Failed, false)]
    [InlineData(DeliveryStatus.Failed, DeliveryStatus.Read, false)]
    public void StatusesOnlyMoveForward(DeliveryStatus from, DeliveryStatus to, bool advances) =>
        Assert.Equal(advances, DeliveryStatusRules.Advances(from, to));

    [Fact]
    public void AnyOrderOfReportsEndsAtTheHighestReachableStatus()
    {
        var reports = new[] { DeliveryStatus.Sent, DeliveryStatus.Delivered, DeliveryStatus.Read, DeliveryStatus.Delivered, DeliveryStatus.Sent };
        var random = new Random(1234);
        for (var run = 0; run < 1000; run++)
        {
            var status = DeliveryStatus.Sending;
            var previous = status;
            foreach (var report in reports.OrderBy(_ => random.Next()))
            {
                status = DeliveryStatusRules.Apply(status, report);
                Assert.True((int)status >= (int)previous, $"moved back from {previous} to {status}");
                previous = status;
            }
            Assert.Equal(DeliveryStatus.Read, status);
        }
    }
}
