using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Jobs;
using Switchboard.Server.Messages;
using Switchboard.Server.Tests.Infrastructure;
using Switchboard.Server.WhatsApp;

namespace Switchboard.Server.Tests.WhatsApp;

/// <summary>
/// A host on its own database with a manual clock and a job recorder, a fake Graph API, a workspace and a WhatsApp
/// inbox with the fixtures' phone number id. Webhooks are signed as Meta signs them; every wait is bounded.
/// </summary>
public sealed class WhatsAppHarness : IAsyncDisposable
{
    /// <summary>The phone number id and customer of the public payload examples in Fixtures/.</summary>
    public const string PhoneNumberId = "106540352242922";
    public const string CustomerWaId = "16505551234";
    public const string AppSecret = "app-secret-0123456789abcdef";
    public const string AccessToken = "EAAtest-access-token-123";
    public const string VerifyToken = "verify-token-xyz";

    WhatsAppHarness(TestApp app, TestWorkspace workspace, ManualClock clock, JobRecorder jobs, FakeGraphApi graph, WhatsAppInboxResponse inbox)
    {
        App = app;
        Workspace = workspace;
        Clock = clock;
        Jobs = jobs;
        Graph = graph;
        Inbox = inbox;
    }

    public TestApp App { get; }
    public TestWorkspace Workspace { get; }
    public ManualClock Clock { get; }
    public JobRecorder Jobs { get; }
    public FakeGraphApi Graph { get; }
    public WhatsAppInboxResponse Inbox { get; }

    public static async Task<WhatsAppHarness> StartAsync(DatabaseKind db, Dictionary<string, string?>? settings = null)
    {
        var graph = await FakeGraphApi.StartAsync(AccessToken);
        var (clock, jobs) = (new ManualClock(), new JobRecorder());
        var app = await TestApp.StartAsync(db, extra: settings, configureServices: s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IJobObserver>(jobs);
        });
        // Nobody goes idle while the clock jumps a day, so presence sweeps write nothing under the tests' feet.
        var workspace = await TestWorkspace.CreateAsync(app, new WorkspaceSettings { IdleTimeout = TimeSpan.FromDays(30) });
        var inbox = await (await workspace.Admin.PostJsonAsync("/api/v1/whatsapp/inboxes", new
        {
            name = "WhatsApp",
            phoneNumberId = PhoneNumberId,
            accessToken = AccessToken,
            appSecret = AppSecret,
            verifyToken = VerifyToken,
            graphBaseUrl = graph.BaseUrl,
        })).ReadAsync<WhatsAppInboxResponse>(HttpStatusCode.Created);
        return new WhatsAppHarness(app, workspace, clock, jobs, graph, inbox);
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "WhatsApp", "Fixtures", name));

    /// <summary>Posts a webhook body signed with <paramref name="secret"/> (the inbox's app secret by default), or with the given header.</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(string body, string? secret = AppSecret, string? signatureHeader = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Inbox.WebhookPath) { Content = content };
        var signature = signatureHeader ?? (secret is null ? null : WhatsAppSignature.Compute(secret, bytes));
        if (signature is not null) request.Headers.Add(WhatsAppSignature.Header, signature);
        return await App.CreateClient().SendAsync(request);
    }

    /// <summary>Posts a signed webhook and waits until its processing job succeeded.</summary>
    public async Task DeliverAsync(string body)
    {
        var skip = Jobs.Outcomes.Count;
        var response = await PostWebhookAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await Jobs.WaitAsync(o => o.Kind == WhatsAppWebhookHandler.JobKind, skip: skip);
        Assert.True(outcome.State == JobState.Succeeded, $"The webhook job ended {outcome.State}: {outcome.Error}");
    }

    /// <summary>The WhatsApp conversation of the fixtures' customer.</summary>
    public Task<long> CustomerConversationIdAsync() => App.Database.ReadAsync((c, tx) => c.QuerySingleAsync<long>("""
        SELECT cv.id FROM conversations cv JOIN contact_identities ci ON ci.contact_id = cv.contact_id
        WHERE ci.channel = 'whatsapp' AND ci.external_id = @CustomerWaId AND cv.inbox_id = @inboxId
        """, new { CustomerWaId, inboxId = Inbox.Id }, tx), CancellationToken.None);

    /// <summary>The operator writes; returns the stored message (status sending) once the POST answered 201.</summary>
    public async Task<MessageResponse> OperatorSaysAsync(long conversationId, string text) =>
        (await (await Workspace.Operator.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages",
            new { clientMessageId = "op-" + Guid.NewGuid().ToString("N"), text })).ReadAsync<PostMessageResponse>(HttpStatusCode.Created)).Message;

    /// <summary>
    /// Moves the clock to a failed attempt's retry and wakes the workers. A worker that read the clock just before the
    /// jump may otherwise sleep on a timer set from the old time, which a manual clock never reaches.
    /// </summary>
    public void AdvanceToRetry(JobOutcome failed)
    {
        Clock.AdvanceTo(failed.NextRunAt!.Value);
        App.Service<JobSignal>().Notify();
    }

    /// <summary>Waits for the first settled <c>whatsapp.send</c> attempt after <paramref name="skip"/> outcomes.</summary>
    public Task<JobOutcome> SendAttemptAsync(int skip) => Jobs.WaitAsync(o => o.Kind == WhatsAppSendHandler.JobKind, skip: skip);

    public async Task<MessageResponse> MessageAsync(long conversationId, long messageId) =>
        (await Workspace.Operator.GetAsync<MessagePageResponse>($"/api/v1/conversations/{conversationId}/messages?limit=200")).Items.Single(m => m.Id == messageId);

    /// <summary>The statuses carried by the <c>message.status</c> events of one message after <paramref name="afterSeq"/>, in order.</summary>
    public async Task<IReadOnlyList<string>> StatusEventsAsync(long messageId, long afterSeq) =>
        (await App.EventsAsync(Workspace.Id, afterSeq))
            .Where(e => e.Type == "message.status" && e.Data.GetProperty("message").GetProperty("id").GetInt64() == messageId)
            .Select(e => e.Data.GetProperty("message").GetProperty("status").GetString()!)
            .ToList();

    /// <summary>One inbound message of the fixtures' customer: <c>{"type":type, type: body}</c>.</summary>
    public static string Message(string wamid, string type, string body) =>
        $$"""{"from":"{{CustomerWaId}}","id":"{{wamid}}","timestamp":"1749416500","type":"{{type}}","{{type}}":{{body}}}""";

    /// <summary>A notification shaped like the documented one, carrying <paramref name="messages"/>.</summary>
    public static string Notification(params string[] messages) => $$"""
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp",
        "metadata":{"display_phone_number":"15550783881","phone_number_id":"{{PhoneNumberId}}"},
        "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"{{CustomerWaId}}"}],"messages":[{{string.Join(",", messages)}}]},"field":"messages"}]}]}
        """;

    /// <summary>A status callback for <paramref name="wamid"/> (the documented delivered payload with another id and status).</summary>
    public static string Status(string wamid, string status) => Fixture("status-delivered.json")
        .Replace("wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", wamid, StringComparison.Ordinal)
        .Replace("\"status\":\"delivered\"", $"\"status\":\"{status}\"", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
