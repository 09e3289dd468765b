using System.Text.Json;
using Dapper;
using Switchboard.Core;
using Switchboard.Core.Messages;
using Switchboard.Server.Auth;
using Switchboard.Server.Hosting;
using Switchboard.Server.Conversations;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Messages;
using Switchboard.Server.Storage;

namespace Switchboard.Server.WhatsApp;

/// <summary>
/// Template sends: stored through <see cref="MessageService"/> as a message of kind <c>template</c> (idempotent by
/// <c>clientMessageId</c>, with the usual state machine and events) whose text says which template went out.
/// </summary>
public sealed class WhatsAppTemplateService(Database database, MessageService messages)
{
    public const int MaxParameters = 20;

    public async Task<PostMessageResponse> SendAsync(Caller caller, long conversationId, SendTemplateRequest request, CancellationToken cancellationToken)
    {
        var template = Validate(request);
        // The same lookup as every conversation read: outside the caller's teams it does not exist (no channel is told).
        var channel = await database.ReadAsync(async (c, tx) =>
        {
            var record = await ConversationStore.GetVisibleAsync(c, tx, caller, conversationId);
            return await InboxStore.ChannelAsync(c, tx, caller.WorkspaceId, record.Conversation.InboxId, cancellationToken);
        }, cancellationToken) ?? throw new DomainException("conversation_not_found", "No such conversation.", DomainErrorKind.NotFound);
        if (channel != InboxChannels.WhatsApp)
            throw new DomainException("conversation_not_whatsapp", "Templates can only be sent in WhatsApp conversations.");

        var text = $"[template {template.Name} ({template.Language})]" + (template.Parameters.Count > 0 ? " " + string.Join(" | ", template.Parameters) : "");
        if (text.Length > MessageText.MaxLength) text = text[..MessageText.MaxLength];
        var details = JsonSerializer.Serialize(template, JsonDefaults.Options);
        var post = MessagePost.From(caller, conversationId, new PostMessageRequest(request.ClientMessageId, text, SeenSeq: null, IsNote: false));
        return await messages.PostAsync(post with { Content = new MessageContent(MessageKinds.Template, Details: details) }, cancellationToken);
    }

    static WhatsAppTemplate Validate(SendTemplateRequest request)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 512 || !name.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            throw new DomainException("template_name_invalid", "name must be the template's name: lowercase letters, digits and underscores.", DomainErrorKind.Invalid);
        var language = request.Language?.Trim() ?? "";
        if (language.Length is < 2 or > 15 || !language.All(ch => char.IsAsciiLetter(ch) || ch == '_'))
            throw new DomainException("template_language_invalid", "language must be a template language code such as en or en_US.", DomainErrorKind.Invalid);
        var parameters = request.Parameters ?? [];
        if (parameters.Count > MaxParameters || parameters.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > 1024))
            throw new DomainException("template_parameters_invalid", $"parameters must be at most {MaxParameters} non-empty texts of up to 1024 characters.",
                DomainErrorKind.Invalid);
        return new WhatsAppTemplate(name, language, parameters.Select(p => p.Trim()).ToList());
    }
}
