using Switchboard.Server.Common;
using Switchboard.Server.Inboxes;

namespace Switchboard.Server.WhatsApp;

/// <summary>A <c>whatsapp_inboxes</c> row joined with its inbox. The three secrets are Data Protection ciphertext.</summary>
public sealed class WhatsAppInboxRow
{
    public const string Select = """
        SELECT wi.inbox_id, wi.workspace_id, i.name, wi.phone_number_id, wi.graph_base_url, wi.access_token, wi.app_secret,
               wi.verify_token, i.created_at, wi.updated_at
        FROM whatsapp_inboxes wi JOIN inboxes i ON i.id = wi.inbox_id
        """;

    public long InboxId { get; set; }
    public long WorkspaceId { get; set; }
    public string Name { get; set; } = "";
    public string PhoneNumberId { get; set; } = "";
    public string GraphBaseUrl { get; set; } = "";
    public string AccessToken { get; set; } = "";
    public string AppSecret { get; set; } = "";
    public string VerifyToken { get; set; } = "";
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public WhatsAppInboxResponse ToResponse() => new(InboxId, Name, InboxChannels.WhatsApp, PhoneNumberId, GraphBaseUrl,
        WhatsAppApi.WebhookPath(InboxId), Time.FromMs(CreatedAt), Time.FromMs(UpdatedAt));
}
