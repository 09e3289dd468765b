using System.Security.Cryptography;
using Switchboard.Core;
using Switchboard.Core.Events;
using Switchboard.Server.Auth;
using Switchboard.Server.EventLog;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Members;

public sealed class MemberService(Database database, EventLogWriter eventLog, CredentialWatch streams)
{
    public async Task<IReadOnlyList<MemberResponse>> ListAsync(Caller caller, CancellationToken cancellationToken) =>
        await database.ReadAsync(async (c, tx) =>
            (await MemberStore.ListAsync(c, tx, caller.WorkspaceId, cancellationToken)).Select(m => m.ToResponse()).ToList(), cancellationToken);

    public async Task<MemberResponse?> GetAsync(Caller caller, long id, CancellationToken cancellationToken) =>
        await database.ReadAsync(async (c, tx) =>
            (await MemberStore.FindAsync(c, tx, caller.WorkspaceId, id, cancellationToken))?.ToResponse(), cancellationToken);

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
        var passwordHash = Passwords.Hash(password);

        return eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            if (await MemberStore.FindByEmailAsync(w.Connection, w.Transaction, email, w.CancellationToken) is not null)
                throw new DomainException("email_taken", "A member with this email already exists.");
            var member = await MemberStore.InsertAsync(w.Connection, w.Transaction, w.WorkspaceId, email, name, role, passwordHash, capacity, w.NowMs, w.CancellationToken);
            var seq = await AppendUpdatedAsync(w, member, caller.Actor);
            return (new CreatedMemberResponse(member.ToResponse(), temporary), seq);
        }, cancellationToken);
    }

    public async Task<(MemberResponse Member, long Seq)> UpdateAsync(Caller caller, long id, UpdateMemberRequest request, CancellationToken cancellationToken)
    {
        var name = request.Name is null ? null : ValidateName(request.Name);
        if (request.Role is not null && !Roles.IsValid(request.Role))
            throw new DomainException("role_invalid", "Role must be admin or operator.", DomainErrorKind.Invalid);
        if (request.Capacity is { } cap) ValidateCapacity(cap);
        if (request.Password is not null) ValidatePassword(request.Password);
        var passwordHash = request.Password is null ? null : Passwords.Hash(request.Password);

        var (updated, updatedSeq) = await eventLog.WriteAsync(caller.WorkspaceId, async w =>
        {
            var member = await MemberStore.FindAsync(w, id) ?? throw new DomainException("member_not_found", "No such member.", DomainErrorKind.NotFound);
            if (id == caller.MemberId && (request.Active == false || request.Role == Roles.Operator))
                throw new DomainException("cannot_demote_self", "You cannot deactivate or demote yourself.");

            member.Name = name ?? member.Name;
            member.Role = request.Role ?? member.Role;
            member.Active = request.Active ?? member.Active;
            member.Capacity = request.Capacity ?? member.Capacity;
            member.Version++;
            await MemberStore.UpdateProfileAsync(w, member);
            if (passwordHash is not null) await MemberStore.SetPasswordHashAsync(w, id, passwordHash);
            if (!member.Active || passwordHash is not null)
                await w.ExecuteAsync("DELETE FROM member_sessions WHERE member_id = @id", new { id }, w.CancellationToken);
            var seq = await AppendUpdatedAsync(w, member, caller.Actor);
            return (member.ToResponse(), seq);
        }, cancellationToken);
        // Signed out everywhere means the open streams too, once the sessions are gone for good.
        if (!updated.Active || request.Password is not null) streams.RevokeMember(id);
        return (updated, updatedSeq);
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
