using Switchboard.Client.Models;

namespace Switchboard.Client.Api;

/// <summary>
/// Contacts (docs/api.md, "Contacts"), team only: read, edit, merge; and the widget's page report. The changes come back
/// as <c>contact.updated</c> and <c>contact.merged</c>, which the live store keeps (<see cref="LiveStore.Contact"/>).
/// </summary>
public sealed partial class SwitchboardApiClient
{
    /// <summary>One contact (team only), with its page, attributes and verified state.</summary>
    public Task<ContactDetailsDto> GetContactAsync(long id, CancellationToken cancellationToken = default) =>
        SendAsync<ContactDetailsDto>(HttpMethod.Get, $"/api/v1/contacts/{id}", null, cancellationToken);

    /// <summary>Edits the name or email (null leaves a field as it is; an empty email clears it). 409 <c>contact_email_taken</c> names the other contact.</summary>
    public Task<ContactWriteResult> UpdateContactAsync(long id, string mutationId, string? name = null, string? email = null, CancellationToken cancellationToken = default) =>
        SendAsync<ContactWriteResult>(HttpMethod.Patch, $"/api/v1/contacts/{id}", new { mutationId, name, email }, cancellationToken);

    /// <summary>Merges <paramref name="duplicateId"/> into <paramref name="keptId"/> in one step; repeating it answers the same.</summary>
    public Task<ContactWriteResult> MergeContactAsync(long keptId, long duplicateId, string mutationId, CancellationToken cancellationToken = default) =>
        SendAsync<ContactWriteResult>(HttpMethod.Post, $"/api/v1/contacts/{keptId}/merge", new { mutationId, duplicateId }, cancellationToken);

    /// <summary>The widget's page report (visitors): an http(s) URL, its title, the browser's language and time zone.</summary>
    public Task ReportWidgetPageAsync(string url, string? title = null, string? language = null, string? timeZone = null, CancellationToken cancellationToken = default) =>
        SendAsync<System.Text.Json.JsonElement>(HttpMethod.Put, "/api/v1/widget/page", new { url, title, language, timeZone }, cancellationToken);
}
