namespace Switchboard.Server.Widget.Availability;

/// <summary>
/// What the widget tells the visitor: <c>online</c> (open, someone online), <c>away</c> (open, nobody online) or
/// <c>closed</c> (outside business hours or a holiday), when it next opens, and whether the bot answers meanwhile.
/// </summary>
public sealed record AvailabilityResponse(string State, DateTimeOffset? NextOpenAt, string TimeZone, bool BotAnswers);
