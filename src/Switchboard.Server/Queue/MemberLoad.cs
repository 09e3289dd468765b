namespace Switchboard.Server.Queue;

/// <summary>A member's capacity and how many open conversations they own.</summary>
public sealed class MemberLoad
{
    public long MemberId { get; set; }
    public int Capacity { get; set; }
    public bool Active { get; set; }
    public long LastAssignedSeq { get; set; }
    public int Load { get; set; }

    public bool HasRoom => Active && Load < Capacity;
}
