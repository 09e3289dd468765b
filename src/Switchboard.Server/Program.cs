using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Server.Auth;
using Switchboard.Server.Contacts;
using Switchboard.Server.Conversations;
using Switchboard.Server.Demo;
using Switchboard.Server.Errors;
using Switchboard.Server.Hosting;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Jobs;
using Switchboard.Server.Members;
using Switchboard.Server.Presence;
using Switchboard.Server.Queue;
using Switchboard.Server.Realtime;
using Switchboard.Server.Site;
using Switchboard.Server.Stats;
using Switchboard.Server.Storage;
using Switchboard.Server.Sync;
using Switchboard.Server.Webhooks;
using Switchboard.Server.Widget;
using Switchboard.Server.Workspaces;

var builder = WebApplication.CreateBuilder(CommandLine.Normalize(args));
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks();
builder.AddErrors();
builder.AddStorage();
builder.AddRealtime();
builder.AddJobs();
builder.AddAuth();
builder.AddMembers();
builder.AddConversations();
builder.AddQueue();
builder.AddPresence();
builder.AddStats();
builder.AddWebhooks();
builder.AddWidget();
builder.AddDemo();

var app = builder.Build();
app.UseErrors();
app.UseSite();
app.UseAuthentication();
app.UseAuthorization();
app.UsePresence();

app.MapOpenApi().AllowAnonymous();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapAuthApi();
app.MapApiKeysApi();
app.MapWorkspaceApi();
app.MapMembersApi();
app.MapInboxesApi();
app.MapContactsApi();
app.MapConversationsApi();
app.MapSyncApi();
app.MapWidgetApi();
app.MapRealtimeApi();
app.MapJobsApi();
app.MapQueueApi();
app.MapPresenceApi();
app.MapStatsApi();
app.MapWebhooksApi();
app.MapSite();

app.Run();

/// <summary>The host's entry point; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;
