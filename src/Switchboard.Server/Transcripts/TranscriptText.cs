using System.Globalization;
using System.Text;
using Switchboard.Core.Messages;
using Switchboard.Server.Common;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Transcripts;

/// <summary>
/// The plain-text transcript: a header, then each message as "[time] who (role)" and its text indented by two
/// spaces, then a closing line with the count, so a cut-off download is visibly incomplete. Stored text holds no
/// control characters but tab and line breaks (<c>TextRules</c>); a lone carriage return becomes a line break, so a
/// message cannot overwrite its own line when the file is printed in a terminal.
/// </summary>
public static class TranscriptText
{
    public static async Task WriteAsync(Stream body, TranscriptHead head, IAsyncEnumerable<TranscriptMessage> messages, TimeZoneInfo zone,
        CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 16 * 1024, leaveOpen: true)
            { NewLine = "\n" };
        var c = head.Conversation;
        await writer.WriteLineAsync($"Conversation {c.Id}" + (head.Inbox is { } inbox ? $" · {OneLine(inbox.Name)} ({inbox.Channel})" : ""));
        await writer.WriteLineAsync("Contact: " + ContactLine(c.Contact));
        await writer.WriteLineAsync($"State: {EnumText.ToText(c.State)}" + (head.AssigneeName is { } who ? $" · Assigned to: {OneLine(who)}" : ""));
        await writer.WriteLineAsync($"Started: {Time(c.CreatedAt, zone)} · Exported: {Time(head.ExportedAt, zone)} (times in {ZoneName(zone)})");

        var count = 0;
        await foreach (var (m, files) in messages.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync();
            await writer.WriteLineAsync($"[{Time(Common.Time.FromMs(m.CreatedAt), zone)}] {Sender(m, c.Contact)}");
            if (m.Text.Length > 0 || files.Count == 0)
                foreach (var line in Clean(m.Text).Split('\n')) await writer.WriteLineAsync("  " + line);
            // A file is named, with its type and size; its bytes stay on the server, behind the team's signed links.
            foreach (var file in files) await writer.WriteLineAsync($"  [file] {OneLine(file.FileName)} ({file.ContentType}, {FileSize(file.Size)})");
            if (m.Status == EnumText.ToText(DeliveryStatus.Failed))
                await writer.WriteLineAsync("  (not delivered" + (m.Error is { } error ? $": {OneLine(error)}" : "") + ")");
            // A page's worth of lines goes out while the next is read.
            if (++count % 100 == 0) await writer.FlushAsync(cancellationToken);
        }
        await writer.WriteLineAsync();
        await writer.WriteLineAsync($"— End of transcript: {count} message{(count == 1 ? "" : "s")} —");
        await writer.FlushAsync(cancellationToken);
    }

    static string Sender(MessageRow m, Conversations.ContactSummary contact)
    {
        var role = EnumText.Parse<SenderRole>(m.SenderRole);
        var name = m.SenderName ?? role switch
        {
            SenderRole.Customer => contact.Name ?? contact.Email ?? "Customer",
            SenderRole.Bot => "Bot",
            SenderRole.System => "Switchboard",
            _ => "Operator",
        };
        var what = EnumText.ToText(role) + (m.IsNote ? ", internal note" : "");
        return $"{OneLine(name)} ({what})";
    }

    static string ContactLine(Conversations.ContactSummary contact) => (contact.Name, contact.Email) switch
    {
        ({ } name, { } email) => $"{OneLine(name)} <{OneLine(email)}>",
        ({ } name, null) => OneLine(name),
        (null, { } email) => OneLine(email),
        _ => $"anonymous visitor #{contact.Id}",
    };

    static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    static string ZoneName(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;

    static string Clean(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>A name or an error on one line of the header, whatever line breaks it holds.</summary>
    static string OneLine(string text) => Clean(text).Replace('\n', ' ');

    static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}
