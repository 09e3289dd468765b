using System.Security.Cryptography;
using Dapper;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Auth;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Members;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Workspaces;

/// <summary>Creates a workspace with its first members and a widget inbox (used by the demo and by tests).</summary>
public sealed class WorkspaceProvisioner(Database database, TimeProvider clock)
{
    public sealed record NewMember(string Email, string Name, string Role, string Password);

    public sealed record Provisioned(long WorkspaceId, IReadOnlyList<long> MemberIds, InboxResponse Inbox);

    public Task<Provisioned> CreateAsync(string name, IReadOnlyList<NewMember> members, WorkspaceSettings? settings, CancellationToken cancellationToken)
    {
        // Hashed before the transaction, which holds the global writer (see MemberStore.InsertAsync).
        var hashes = members.Select(m => Passwords.Hash(m.Password)).ToArray();
        return database.WriteGlobalAsync(async (c, tx) =>
        {
            var now = clock.GetUtcNow();
            var nowMs = now.ToUnixTimeMilliseconds();
            var ws = await c.QuerySingleAsync<long>("""
                INSERT INTO workspaces (name, settings, visitor_secret, created_at) VALUES (@name, @settings, @secret, @nowMs) RETURNING id
                """, new { name, settings = WorkspaceStore.Serialize(settings ?? new WorkspaceSettings()), secret = TokenCodec.Base64Url(RandomNumberGenerator.GetBytes(32)), nowMs }, tx);
            var ids = new List<long>();
            foreach (var (m, hash) in members.Zip(hashes))
                ids.Add((await MemberStore.InsertAsync(c, tx, ws, m.Email.ToLowerInvariant(), m.Name, m.Role, hash, capacity: 5, nowMs, cancellationToken)).Id);
            var inbox = await InboxesApi.CreateWidgetAsync(c, tx, ws, new CreateInboxRequest("Website", InboxChannels.Widget), now, cancellationToken);
            return new Provisioned(ws, ids, inbox);
        }, cancellationToken);
    }
}
