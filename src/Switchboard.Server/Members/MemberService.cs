using System.Security.Cryptography;
using Switchboard.Core;
using Switchboard.Core.Events;
using Switchboard.Server.Auth;
using Switchboard.Server.Events;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Members;

public sealed class MemberService(Database database)
{
    public async Task<IReadOnlyList<MemberResponse>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        await database.ReadAsync(async (c, tx) =>
            (await Dapper.SqlMapper.QueryAsync<MemberRow>(c, $"SELECT {MemberRow.Columns} FROM members WHERE workspace_id = @WorkspaceId ORDER BY id",
                new { caller.WorkspaceId }, tx)).Select(m => m.ToResponse()).ToList(), cancellationToken);

    public async Task<MemberResponse?> GetAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        await database.ReadAsync(async (c, tx) =>
            (await Dapper.SqlMapper.QuerySingleOrDefaultAsync<MemberRow>(c,
                $"SELECT {MemberRow.Columns} FROM members WHERE workspace_id = @WorkspaceId AND id = @id",
                new { caller.WorkspaceId, id }, tx))?.ToResponse(), cancellationToken);

    public Task<(CreatedMemberResponse Created, long Seq)> CreateAsync(Caller caller, CreateMemberRequest request, CancellationToken cancellationToken)
    {
        var email = ValidateEmail(request.Email);
        var name = ValidateName(request.Name);
        var role = request.Role ?? Roles.Operator;
        if (!Roles.IsValid(role)) throw new DomainException("role_invalid", "Role must be admin or operator.", DomainErrorKind.Invalid);
        var capacity = ValidateCapacity(request.Capacity ?? 5);
        string? temporary = null;
        var password = request.Password ?? (temporary = TokenCodec.Base64Url(RandomNumberGenerator.GetBytes(12)));
        ValidatePassword(password);

        return database.WriteAsync(caller.WorkspaceId, async w =>
        {
            var taken = await w.QuerySingleAsync<long>("SELECT COUNT(*) FROM members WHERE email = @email", new { email });
            if (taken > 0) throw new DomainException("email_taken", "A member with this email already exists.");
            var member = await w.QuerySingleAsync<MemberRow>($"""
                INSERT INTO members (workspace_id, email, name, role, password_hash, active, capacity, created_at)
                VALUES (@WorkspaceId, @email, @name, @role, @hash, @active, @capacity, @now)
                RETURNING {MemberRow.Columns}
                """, new { w.WorkspaceId, email, name, role, hash = Passwords.Hash(password), active = true, capacity, now = w.NowMs });
            var seq = await AppendUpdatedAsync(w, member, caller.Actor);
            return (new CreatedMemberResponse(member.ToResponse(), temporary), seq);
        }, cancellationToken);
    }

    public Task<(MemberResponse Member, long Seq)> UpdateAsync(Caller caller, long id, UpdateMemberRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name is null ? null : ValidateName(request.Name);
        if (request.Role is not null && !Roles.IsValid(request.Role))
            throw new DomainException("role_invalid", "Role must be admin or operator.", DomainErrorKind.Invalid);
        if (request.Capacity is { } cap) ValidateCapacity(cap);
        if (request.Password is not null) ValidatePassword(request.Password);

        return database.WriteAsync(caller.WorkspaceId, async w =>
        {
            var member = await w.QuerySingleOrDefaultAsync<MemberRow>(
                $"SELECT {MemberRow.Columns} FROM members WHERE workspace_id = @WorkspaceId AND id = @id", new { w.WorkspaceId, id })
                ?? throw new DomainException("member_not_found", "No such member.", DomainErrorKind.NotFound);
            if (id == caller.MemberId && (request.Active == false || request.Role == Roles.Operator))
                throw new DomainException("cannot_demote_self", "You cannot deactivate or demote yourself.");

            member.Name = name ?? member.Name;
            member.Role = request.Role ?? member.Role;
            member.Active = request.Active ?? member.Active;
            member.Capacity = request.Capacity ?? member.Capacity;
            member.Version++;
            await w.ExecuteAsync("""
                UPDATE members SET name = @Name, role = @Role, active = @Active, capacity = @Capacity, version = @Version
                WHERE id = @Id
                """, member);
            if (request.Password is not null)
                await w.ExecuteAsync("UPDATE members SET password_hash = @hash WHERE id = @id", new { hash = Passwords.Hash(request.Password), id });
            if (!member.Active || request.Password is not null)
                await w.ExecuteAsync("DELETE FROM member_sessions WHERE member_id = @id", new { id });
            var seq = await AppendUpdatedAsync(w, member, caller.Actor);
            return (member.ToResponse(), seq);
        }, cancellationToken);
    }

    /// <summary>Appends <c>member.updated</c> with the member's snapshot (team-only: visitors never see it).</summary>
    public static Task<long> AppendUpdatedAsync(WriteContext w, MemberRow member, Actor actor) =>
        w.AppendAsync(new EventDraft(EventTypes.MemberUpdated, null, null, member.ToResponse(), null, member.Version, actor));

    static string ValidateEmail(string? email)
    {
        var e = email?.Trim().ToLowerInvariant() ?? "";
        if (e.Length is < 3 or > 254 || e.Count(ch => ch == '@') != 1 || e.StartsWith('@') || e.EndsWith('@') || e.Any(char.IsWhiteSpace))
            throw new DomainException("email_invalid", "Email must look like name@example.com.", DomainErrorKind.Invalid);
        return e;
    }

    static string ValidateName(string? name)
    {
        var n = name?.Trim() ?? "";
        if (n.Length is 0 or > 100) throw new DomainException("name_invalid", "Name must be 1 to 100 characters.", DomainErrorKind.Invalid);
        return n;
    }

    static int ValidateCapacity(int capacity) => capacity is >= 0 and <= 1000
        ? capacity
        : throw new DomainException("capacity_invalid", "Capacity must be between 0 and 1000.", DomainErrorKind.Invalid);

    static void ValidatePassword(string password)
    {
        if (password.Length is < Passwords.MinLength or > 200)
            throw new DomainException("password_invalid", $"Password must be {Passwords.MinLength} to 200 characters.", DomainErrorKind.Invalid);
    }
}
