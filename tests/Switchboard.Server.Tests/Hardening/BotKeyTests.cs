using System.Net;
using System.Net.Http.Headers;
using Switchboard.Server.Auth;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Hardening;

/// <summary>A bot's key answers and hands off; it does not write the team's internal notes.</summary>
public sealed class BotKeyTests
{
    [Theory, BothDatabases]
    public async Task ABotKeyCannotWriteAnInternalNoteAndWritesNothingTrying(DatabaseKind db)
    {
        await using var app = await TestApp.StartAsync(db);
        var ws = await TestWorkspace.CreateAsync(app);
        var visitor = await ws.NewVisitorAsync();
        var key = await (await ws.Admin.PostJsonAsync("/api/v1/api-keys", new { name = "bot", role = "bot" })).ReadAsync<CreatedApiKeyResponse>(HttpStatusCode.Created);
        using var bot = app.CreateClient();
        bot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);

        var before = await DatabaseFingerprint.TakeAsync(app);
        await (await bot.PostJsonAsync($"/api/v1/conversations/{visitor.ConversationId}/messages", new { clientMessageId = "n1", text = "psst", isNote = true }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "note_forbidden");
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(app));
        // An operator's key (an integration) still may.
        var crm = await (await ws.Admin.PostJsonAsync("/api/v1/api-keys", new { name = "crm" })).ReadAsync<CreatedApiKeyResponse>(HttpStatusCode.Created);
        using var integration = app.CreateClient();
        integration.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", crm.Key);
        Assert.Equal(HttpStatusCode.Created, (await integration.PostJsonAsync($"/api/v1/conversations/{visitor.ConversationId}/messages",
            new { clientMessageId = "n2", text = "CRM: VIP customer", isNote = true })).StatusCode);
    }
}
