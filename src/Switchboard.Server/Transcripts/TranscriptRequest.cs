using Switchboard.Core;

namespace Switchboard.Server.Transcripts;

/// <summary>The export's options, checked before anything is read: <c>format</c> <c>text</c> (default) or <c>json</c>,
/// <c>notes</c> (internal notes included, default true), <c>timeZone</c> (IANA, for the text's times; default UTC).</summary>
public sealed record TranscriptRequest(TranscriptFormat Format, bool WithNotes, TimeZoneInfo TimeZone)
{
    public static TranscriptRequest Parse(string? format, bool? notes, string? timeZone) => new(
        format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "text" or "txt" => TranscriptFormat.Text,
            "json" => TranscriptFormat.Json,
            _ => throw new DomainException("format_invalid", "format must be text or json.", DomainErrorKind.Invalid),
        },
        notes ?? true,
        ParseTimeZone(timeZone));

    static TimeZoneInfo ParseTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        // The length cap keeps a hostile value from reaching the time zone database's file lookup.
        if (id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone)) return zone;
        throw new DomainException("time_zone_invalid", "timeZone must be an IANA time zone such as Europe/Berlin.", DomainErrorKind.Invalid);
    }
}

public enum TranscriptFormat { Text, Json }
