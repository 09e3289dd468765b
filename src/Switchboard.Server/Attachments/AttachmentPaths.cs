using Microsoft.Extensions.Options;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Attachments;

/// <summary>
/// The attachments folder: <c>tmp/</c> for uploads being received (deleted whatever happens), <c>blobs/</c> for the file
/// store. One folder, so moving a finished upload into the store is a rename.
/// </summary>
public sealed class AttachmentPaths
{
    public AttachmentPaths(IOptions<AttachmentOptions> options, IOptions<DatabaseOptions> database)
    {
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.DataDirectory)
            ? Path.Combine(database.Value.DataDirectory, "attachments")
            : options.Value.DataDirectory);
        Temp = Path.Combine(Root, "tmp");
        Blobs = Path.Combine(Root, "blobs");
    }

    public string Root { get; }
    public string Temp { get; }
    public string Blobs { get; }

    /// <summary>A new, unused temp file path (the folder is created when missing).</summary>
    public string NewTempFile()
    {
        Directory.CreateDirectory(Temp);
        return Path.Combine(Temp, Guid.NewGuid().ToString("N") + ".part");
    }
}
