using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Server.Auth;
using Switchboard.Server.Bots;
using Switchboard.Server.Bots.Faq;
using Switchboard.Server.CannedReplies;
using Switchboard.Server.Contacts;
using Switchboard.Server.Conversations;
using Switchboard.Server.Demo;
using Switchboard.Server.Errors;
using Switchboard.Server.EventLog;
using Switchboard.Server.Hosting;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Jobs;
using Switchboard.Server.Members;
using Switchboard.Server.Messages;
using Switchboard.Server.Observability;
using Switchboard.Server.Outbound;
using Switchboard.Server.Presence;
using Switchboard.Server.Queue;
using Switchboard.Server.Realtime;
using Switchboard.Server.Site;
using Switchboard.Server.Stats;
using Switchboard.Server.Storage;
using Switchboard.Server.Sync;
using Switchboard.Server.Throttling;
using Switchboard.Server.Webhooks;
using Switchboard.Server.WhatsApp;
using Switchboard.Server.Widget;
using Switchboard.Server.Widget.Settings;
using Switchboard.Server.Workspaces;

// Operator commands (backup …, workspace create …) run and exit; otherwise the server starts.
if (BackupCommand.IsRequested(args)) return await BackupCommand.RunAsync(args, Console.Out, CancellationToken.None);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = CommandLine.Normalize(args), WebRootPath = WebRoot.Find(args) });
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddOpenApi();
builder.AddObservability();
builder.AddHealth();
builder.AddConnectionBudget();
builder.AddProxies();
builder.AddErrors();
builder.AddThrottling();
builder.AddStorage();
builder.AddWorkspaces();
// Right after storage: the demo seeds once the schema is migrated, before any other hosted service starts.
builder.AddDemo();
builder.AddEventLog();
builder.AddRealtime();
builder.AddJobs();
builder.AddAuth();
builder.AddMembers();
builder.AddConversations();
builder.AddMessages();
builder.AddQueue();
builder.AddPresence();
builder.AddStats();
builder.AddOutbound();
builder.AddWebhooks();
builder.AddBots();
builder.AddWidget();
builder.AddWhatsApp();
builder.AddCannedReplies();

var app = builder.Build();
app.UseProxies();
app.UseErrors();
app.UseSite();
app.UseAuthentication();
app.UseWidgetCors();
app.UseAuthorization();
app.UseThrottling();
app.UsePresence();

app.MapOpenApi().AllowAnonymous();
app.MapHealth();
app.MapMetrics();
app.MapAuthApi();
app.MapApiKeysApi();
app.MapWorkspaceApi();
app.MapMembersApi();
app.MapInboxesApi();
app.MapContactsApi();
app.MapConversationsApi();
app.MapMessagesApi();
app.MapSyncApi();
app.MapWidgetApi();
app.MapWidgetSettingsApi();
app.MapWhatsAppApi();
app.MapJobsApi();
app.MapQueueApi();
app.MapPresenceApi();
app.MapStatsApi();
app.MapWebhooksApi();
app.MapRealtimeApi();
app.MapTypingApi();
app.MapBotsApi();
app.MapFaqApi();
app.MapCannedRepliesApi();
app.MapSite();

// A hosting operator's command (workspace create …, migrate) runs against the same database and exits; otherwise serve.
if (WorkspaceCommand.IsCommand(args)) return await WorkspaceCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
if (MigrateCommand.IsCommand(args)) return await MigrateCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
await app.RunAsync();
return 0;

/// <summary>The host's entry point; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;
