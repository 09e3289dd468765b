using System.Security.Cryptography;
using Dapper;
using Switchboard.Core.Workspaces;
using Switchboard.Server.Auth;
using Switchboard.Server.Inboxes;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Workspaces;

/// <summary>Creates a workspace with its first members and a widget inbox (used by the demo and by tests).</summary>
public sealed class WorkspaceProvisioner(Database database, TimeProvider clock)
{
    public sealed record NewMember(string Email, string Name, string Role, string Password);

    public sealed record Provisioned(long WorkspaceId, IReadOnlyList<long> MemberIds, InboxResponse Inbox);

    public Task<Provisioned> CreateAsync(string name, IReadOnlyList<NewMember> members, WorkspaceSettings? settings, CancellationToken cancellationToken) =>
        database.WriteGlobalAsync(async (c, tx) =>
        {
            var now = clock.GetUtcNow();
            var nowMs = now.ToUnixTimeMilliseconds();
            var ws = await c.QuerySingleAsync<long>("""
                INSERT INTO workspaces (name, settings, visitor_secret, created_at) VALUES (@name, @settings, @secret, @nowMs) RETURNING id
                """, new { name, settings = WorkspaceStore.Serialize(settings ?? new WorkspaceSettings()), secret = TokenCodec.Base64Url(RandomNumberGenerator.GetBytes(32)), nowMs }, tx);
            var ids = new List<long>();
            foreach (var m in members)
                ids.Add(await c.QuerySingleAsync<long>("""
                    INSERT INTO members (workspace_id, email, name, role, password_hash, active, capacity, created_at)
                    VALUES (@ws, @email, @name, @role, @hash, @active, 5, @nowMs) RETURNING id
                    """, new { ws, email = m.Email.ToLowerInvariant(), name = m.Name, role = m.Role, hash = Passwords.Hash(m.Password), active = true, nowMs }, tx));
            var inbox = await InboxesApi.InsertAsync(c, tx, ws, new CreateInboxRequest("Website", InboxesApi.WidgetChannel), now);
            return new Provisioned(ws, ids, inbox);
        }, cancellationToken);
}
