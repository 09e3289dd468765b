namespace Switchboard.Server.Errors;

/// <summary>
/// Endpoint metadata: the body is taken as sent (a signed webhook whose signature covers its bytes) and the feature
/// applies <see cref="Switchboard.Core.Text.TextRules"/> itself, by stripping, since the sender cannot be asked again.
/// </summary>
public sealed record RawTextBody;
