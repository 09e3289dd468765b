namespace Switchboard.Core.Messages;

/// <summary>
/// A message's delivery status. Ordered: sending &lt; sent &lt; delivered &lt; read.
/// <see cref="Failed"/> is reachable only from sending or sent (DESIGN §1 property 6).
/// </summary>
public enum DeliveryStatus
{
    Sending = 0,
    Sent = 1,
    Delivered = 2,
    Read = 3,
    Failed = 9,
}

public static class DeliveryStatusRules
{
    /// <summary>
    /// Whether a report of <paramref name="to"/> moves a message currently at <paramref name="from"/>.
    /// Reports arrive late, twice and out of order; anything that would move backwards is ignored.
    /// </summary>
    public static bool Advances(DeliveryStatus from, DeliveryStatus to) => (from, to) switch
    {
        (DeliveryStatus.Failed, _) => false,
        (DeliveryStatus.Sending or DeliveryStatus.Sent, DeliveryStatus.Failed) => true,
        (_, DeliveryStatus.Failed) => false,
        _ => (int)to > (int)from,
    };

    /// <summary>The status after applying a report: the report if it advances, else unchanged.</summary>
    public static DeliveryStatus Apply(DeliveryStatus from, DeliveryStatus to) => Advances(from, to) ? to : from;
}
