using System.Text.Json;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Messages;

/// <summary>The stored details of a <see cref="MessageKinds.QuickReplies"/> message: the answers offered, in order.</summary>
public sealed record QuickRepliesDetails(IReadOnlyList<string> Options)
{
    public static QuickRepliesDetails Parse(string json) =>
        JsonSerializer.Deserialize<QuickRepliesDetails>(json, JsonDefaults.Options) ?? new QuickRepliesDetails([]);

    public MessageContent ToContent() => new(MessageKinds.QuickReplies, Details: JsonSerializer.Serialize(this, JsonDefaults.Options));
}
