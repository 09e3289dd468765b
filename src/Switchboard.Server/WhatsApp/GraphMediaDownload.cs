namespace Switchboard.Server.WhatsApp;

/// <summary>An open media download: its bytes (checked against Meta's size and hash as they are read) and Meta's type for them.</summary>
public sealed record GraphMediaDownload(Stream Content, string? MimeType) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
