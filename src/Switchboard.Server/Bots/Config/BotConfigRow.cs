using System.Text.Json;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Bots.Config;

/// <summary>A <c>bot_configs</c> row: the workspace's (no inbox) or an inbox's override. Secrets are ciphertexts.</summary>
public sealed class BotConfigRow
{
    public const string Columns = "id, workspace_id, inbox_id, settings, llm_api_key, external_secret, version, updated_at";

    public long Id { get; set; }
    public long WorkspaceId { get; set; }
    public long? InboxId { get; set; }
    public string Settings { get; set; } = "{}";
    public string? LlmApiKey { get; set; }
    public string? ExternalSecret { get; set; }
    public long Version { get; set; }
    public long UpdatedAt { get; set; }

    public BotSettings Parsed => JsonSerializer.Deserialize<BotSettings>(Settings, JsonDefaults.Options) ?? new BotSettings();

    public static string Serialize(BotSettings settings) => JsonSerializer.Serialize(settings, SettingsJson);

    // Unset fields are left out of the stored JSON: in an override, absent means "inherit".
    static readonly JsonSerializerOptions SettingsJson = new(JsonDefaults.Options)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
