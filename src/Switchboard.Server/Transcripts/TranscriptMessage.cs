using Switchboard.Server.Attachments;
using Switchboard.Server.Messages;

namespace Switchboard.Server.Transcripts;

/// <summary>One message of a transcript and the files it carries (none: empty), read page by page with it.</summary>
public sealed record TranscriptMessage(MessageRow Message, IReadOnlyList<AttachmentResponse> Attachments);
