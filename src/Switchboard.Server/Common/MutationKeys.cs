using System.Security.Cryptography;
using System.Text;
using Switchboard.Core.Messages;

namespace Switchboard.Server.Common;

/// <summary>
/// The idempotency key of an admin write whose <c>mutationId</c> is optional (labels, teams), and the hash of what it
/// asked for, so the same id sent with a different change is told apart (<c>idempotency_conflict</c>).
/// </summary>
public static class MutationKeys
{
    /// <summary>The validated <c>mutationId</c>, or null when none was sent.</summary>
    public static string? Optional(string? id) => id is null ? null : MessageText.ValidateClientId(id, "mutationId");

    /// <summary>A stable hash of the request's parts (null parts as "-").</summary>
    public static string Hash(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts.Select(p => p ?? "-")))));
}
