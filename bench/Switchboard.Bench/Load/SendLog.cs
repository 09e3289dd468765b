namespace Switchboard.Bench.Load;

/// <summary>What the senders did: per message, when its POST started and ended and the seq the server gave it.</summary>
public sealed class SendLog(int capacity)
{
    public readonly long[] Start = new long[capacity];
    public readonly long[] End = new long[capacity];
    public readonly long[] Seq = new long[capacity];
    /// <summary>Which receiver should see the message as "the other side" (-1: none).</summary>
    public readonly int[] OtherSide = new int[capacity];
    public int Issued;
    public int Failed;
    public string? FirstError;
    public double Seconds;

    public int Succeeded => Issued - Failed;
    public double AchievedRate => Seconds > 0 ? Succeeded / Seconds : 0;

    /// <summary>POST start to response: the time until the message was persisted and acknowledged.</summary>
    public List<double> PostLatenciesMs()
    {
        var list = new List<double>(Issued);
        for (var i = 0; i < Issued; i++) if (Seq[i] > 0) list.Add(Clock.Ms(Start[i], End[i]));
        return list;
    }
}
