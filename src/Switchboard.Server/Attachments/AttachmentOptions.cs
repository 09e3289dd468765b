namespace Switchboard.Server.Attachments;

/// <summary>Bound from the <c>Attachments</c> section (docs/attachments.md).</summary>
public sealed class AttachmentOptions
{
    /// <summary><c>file</c> (blobs under the data folder) or <c>database</c> (a <c>blobs</c> table); empty: database with PostgreSQL, so every node shares it, else file.</summary>
    public string? Store { get; set; }
    /// <summary>Folder for blobs (file store) and upload temp files; empty: <c>attachments</c> in the database's data folder.</summary>
    public string? DataDirectory { get; set; }
    /// <summary>How long a signed download link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);
    /// <summary>An upload no message references after this long is deleted (with its blob, when nothing else uses it).</summary>
    public TimeSpan OrphanAfter { get; set; } = TimeSpan.FromHours(24);
    /// <summary>How often the cleanup job runs.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Images with more pixels are refused before they are decoded (a decompression bomb expands a small file into gigabytes).</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;
    /// <summary>The long side of a thumbnail, in pixels.</summary>
    public int ThumbnailSize { get; set; } = 320;
}
