namespace Switchboard.Server.Contacts;

public sealed record ContactResponse(long Id, string? Name, string? Email, DateTimeOffset CreatedAt);
