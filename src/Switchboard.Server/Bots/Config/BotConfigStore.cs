using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Server.EventLog;

namespace Switchboard.Server.Bots.Config;

/// <summary>Reads bot configuration rows and resolves the configuration in force: defaults, workspace, inbox override.</summary>
public sealed class BotConfigStore(BotSecrets secrets, IOptions<BotsOptions> options)
{
    /// <summary>The workspace's row (or null) and, when <paramref name="inboxId"/> is given, that inbox's override (or null).</summary>
    public static async Task<(BotConfigRow? Workspace, BotConfigRow? Inbox)> LoadRowsAsync(DbConnection c, DbTransaction? tx, long workspaceId, long? inboxId)
    {
        var rows = (await c.QueryAsync<BotConfigRow>(
            $"SELECT {BotConfigRow.Columns} FROM bot_configs WHERE workspace_id = @workspaceId AND (inbox_id IS NULL OR inbox_id = @inbox)",
            new { workspaceId, inbox = inboxId ?? -1 }, tx)).ToList();
        return (rows.FirstOrDefault(r => r.InboxId is null), inboxId is null ? null : rows.FirstOrDefault(r => r.InboxId == inboxId));
    }

    /// <summary>The settings in force for a conversation of <paramref name="inboxId"/>, without decrypting anything.</summary>
    public async Task<BotSettings> LoadSettingsAsync(DbConnection c, DbTransaction? tx, long workspaceId, long? inboxId)
    {
        var (workspace, inbox) = await LoadRowsAsync(c, tx, workspaceId, inboxId);
        return Merge(workspace, inbox);
    }

    /// <summary>The settings in force for a conversation of <paramref name="inboxId"/> as a write sees them, from memory (ConfigCache).</summary>
    public ValueTask<BotSettings> LoadSettingsAsync(WriteContext w, long inboxId) =>
        w.ReadConfigAsync("bot-settings", inboxId, w => LoadSettingsAsync(w.Connection, w.Transaction, w.WorkspaceId, inboxId));

    /// <summary>The configuration in force for a conversation of <paramref name="inboxId"/>, secrets decrypted.</summary>
    public async Task<BotConfig> LoadAsync(DbConnection c, DbTransaction? tx, long workspaceId, long? inboxId)
    {
        var (workspace, inbox) = await LoadRowsAsync(c, tx, workspaceId, inboxId);
        return Resolve(workspaceId, workspace, inbox);
    }

    public BotSettings Merge(BotConfigRow? workspace, BotConfigRow? inbox) =>
        (inbox?.Parsed ?? new BotSettings()).Over((workspace?.Parsed ?? new BotSettings()).Over(Defaults));

    public BotConfig Resolve(long workspaceId, BotConfigRow? workspace, BotConfigRow? inbox)
    {
        var s = Merge(workspace, inbox);
        return new BotConfig(
            s.Engine!.Value,
            string.IsNullOrEmpty(s.Greeting) ? null : s.Greeting,
            s.ConfidenceThreshold!.Value,
            s.HandoffPhrases ?? [],
            string.IsNullOrEmpty(s.HandoffMessage) ? null : s.HandoffMessage,
            TimeSpan.FromSeconds(s.ReplyTimeoutSeconds!.Value),
            new LlmSettings(ToUri(s.LlmBaseUrl), s.LlmModel, secrets.Unprotect(workspaceId, inbox?.LlmApiKey ?? workspace?.LlmApiKey),
                s.LlmSystemPrompt, s.LlmTemperature),
            new ExternalBotSettings(ToUri(s.ExternalUrl), secrets.Unprotect(workspaceId, inbox?.ExternalSecret ?? workspace?.ExternalSecret)));
    }

    /// <summary>What a workspace that configured nothing gets: the offline knowledge-base bot.</summary>
    public BotSettings Defaults => new()
    {
        Engine = BotEngineKind.KnowledgeBase,
        Greeting = "",
        ConfidenceThreshold = KnowledgeBase.KnowledgeBaseBotOptions.DefaultConfidenceThreshold,
        HandoffPhrases = [],
        HandoffMessage = options.Value.DefaultHandoffMessage,
        ReplyTimeoutSeconds = (int)options.Value.DefaultReplyTimeout.TotalSeconds,
    };

    static Uri? ToUri(string? url) => url is null ? null : new Uri(url, UriKind.Absolute);
}
