using System.Text.Json;

namespace Switchboard.Server.Contacts;

/// <summary>A customer; <see cref="Attributes"/> are what the host page set with <c>Switchboard.setAttributes</c> (an object, or null).</summary>
public sealed record ContactResponse(long Id, string? Name, string? Email, DateTimeOffset CreatedAt, JsonElement? Attributes = null);
