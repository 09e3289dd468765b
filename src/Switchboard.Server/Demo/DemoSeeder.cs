using System.Security.Cryptography;
using Dapper;
using Microsoft.Extensions.Options;
using Switchboard.Core.Conversations;
using Switchboard.Server.Auth;
using Switchboard.Server.Bots.Faq;
using Switchboard.Server.Contacts;
using Switchboard.Server.Conversations;
using Switchboard.Server.EventLog;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;
using Switchboard.Server.Workspaces;

namespace Switchboard.Server.Demo;

/// <summary>
/// On an empty database: a demo workspace with an admin and an operator, a widget inbox, FAQ entries and a
/// few conversations in different states, all written through the same code paths (and events) as real traffic.
/// </summary>
public sealed class DemoSeeder(Database database, EventLogWriter eventLog, WorkspaceProvisioner provisioner, MessageService messages, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public const string AdminEmail = "admin@example.com";
    public const string OperatorEmail = "operator@example.com";

    static readonly (string Question, string Answer)[] Faq =
    [
        ("How do I reset my password?", "Open Settings → Account and choose \"Reset password\". We email you a link that works for 30 minutes."),
        ("What are your opening hours?", "Our team answers Monday to Friday, 8:00 to 18:00 CET. The bot is here around the clock."),
        ("How long does shipping take?", "Orders ship within 1 business day; delivery takes 2–4 business days in the EU."),
        ("How can I return an item?", "You can return any item within 30 days. Start a return from Orders → Return item and print the label."),
        ("Which payment methods do you accept?", "We accept credit cards, PayPal, SEPA direct debit and invoices for business customers."),
    ];

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM workspaces") > 0) return;
        }

        var password = options.Value.Password ?? TokenCodec.Base64Url(RandomNumberGenerator.GetBytes(9));
        var now = clock.GetUtcNow();
        var provisioned = await provisioner.CreateAsync("Demo",
        [
            new(AdminEmail, "Avery Admin", Roles.Admin, password),
            new(OperatorEmail, "Olivia Operator", Roles.Operator, password),
        ], null, cancellationToken);
        var (workspaceId, operatorId, inbox) = (provisioned.WorkspaceId, provisioned.MemberIds[1], provisioned.Inbox);
        await database.WriteGlobalAsync(async (c, tx) =>
        {
            foreach (var (question, answer) in Faq)
                await FaqStore.InsertAsync(c, tx, workspaceId, question, answer, now.ToUnixTimeMilliseconds());
            return 0;
        }, cancellationToken);

        // The knowledge-base bot answers this one by itself, through its job, as it would a real customer.
        await SampleConversationAsync(workspaceId, inbox.Id, "Ada Lovelace", "Hi! How do I reset my password?", cancellationToken: cancellationToken);
        await SampleConversationAsync(workspaceId, inbox.Id, "Grace Hopper", "Can I talk to a human about my invoice?",
            handoff: "The customer asked for a human", cancellationToken: cancellationToken);
        await SampleConversationAsync(workspaceId, inbox.Id, "Alan Turing", "My order #1042 hasn't arrived yet.",
            operatorId: operatorId, reply: "Sorry about that! Let me check with the carrier, one moment.", cancellationToken: cancellationToken);

        DemoLog.Seeded(logger, workspaceId);
        // Printed on the console on purpose (not logged): this is the one time the demo password is shown.
        Console.WriteLine($"""

            ─── Switchboard demo workspace ─────────────────────────────
              admin     {AdminEmail}
              operator  {OperatorEmail}
              password  {password}
              widget    inbox token {inbox.PublicToken}
            ────────────────────────────────────────────────────────────

            """);
    }

    async Task SampleConversationAsync(long workspaceId, long inboxId, string contactName, string question,
        string? handoff = null, long? operatorId = null, string? reply = null, CancellationToken cancellationToken = default)
    {
        var (conversationId, contactId) = await eventLog.WriteAsync(workspaceId, async w =>
        {
            var contactId = await ContactStore.CreateVisitorAsync(w.Connection, w.Transaction, workspaceId, contactName, null, w.Now, w.CancellationToken);
            var record = await ConversationWriter.StartAsync(w, inboxId, contactId, Actor.Contact(contactId));
            return (record.Conversation.Id, contactId);
        }, cancellationToken);
        var customer = new Author(Core.Messages.SenderRole.Customer, null, contactId, contactName, Actor.Contact(contactId));
        await messages.PostAsync(new MessagePost(workspaceId, customer, conversationId, new PostMessageRequest(NewId(), question, null, null)), cancellationToken);
        if (handoff is not null)
            await eventLog.WriteAsync(workspaceId, async w =>
            {
                var record = (await ConversationStore.FindAsync(w, conversationId))!;
                // The bot, answering the same message in its job, may have handed off first, for the same reason.
                if (record.Conversation.State != ConversationState.Bot) return record;
                return await ConversationWriter.SaveTransitionAsync(w, record, ConversationMachine.Handoff(record.Conversation, handoff, w.Now), Actor.Bot);
            }, cancellationToken);
        if (operatorId is { } op && reply is not null)
        {
            var author = new Author(Core.Messages.SenderRole.Operator, op, null, "Olivia Operator", Actor.Member(op));
            await messages.PostAsync(new MessagePost(workspaceId, author, conversationId, new PostMessageRequest(NewId(), reply, null, null)), cancellationToken);
        }
    }

    static string NewId() => Guid.NewGuid().ToString("N");
}
