using System.Text.Json;
using Switchboard.Server.EventLog;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Realtime.Cluster;

/// <summary>An ephemeral signal as it travels to the other nodes (the NOTIFY payload of <see cref="ClusterChannels.Signals"/>).</summary>
sealed record ClusterSignal(string Node, long WorkspaceId, string Type, long? ConversationId, long? ContactId, Actor? Actor, JsonElement? Data,
    string? OriginConnectionId, long? InboxId = null)
{
    public static string Serialize(string node, EphemeralSignal s) => JsonSerializer.Serialize(
        new ClusterSignal(node, s.WorkspaceId, s.Type, s.ConversationId, s.ContactId, s.Actor,
            s.Data is null ? null : JsonSerializer.SerializeToElement(s.Data, JsonDefaults.Options), s.OriginConnectionId, s.InboxId),
        JsonDefaults.Options);

    public static ClusterSignal? Parse(string payload) => JsonSerializer.Deserialize<ClusterSignal>(payload, JsonDefaults.Options);

    // The data is already in its wire form: the local feed serializes a JsonElement as it is.
    public EphemeralSignal ToSignal() =>
        new(WorkspaceId, Type, ConversationId, ContactId, Actor, Data) { OriginConnectionId = OriginConnectionId, InboxId = InboxId };
}
