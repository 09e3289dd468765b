using System.Text.Json;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Jobs;

/// <summary>One attempt of a job as its handler sees it.</summary>
public sealed record JobContext(long Id, string Kind, long? WorkspaceId, string Payload, int Attempt, int MaxAttempts)
{
    public T Read<T>() => JsonSerializer.Deserialize<T>(Payload, JsonDefaults.Options)
        ?? throw new InvalidOperationException($"Job {Id} ({Kind}) has an empty payload.");
}
