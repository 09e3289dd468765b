using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Core;
using Switchboard.Server.Auth;
using Switchboard.Server.Common;
using Switchboard.Server.Errors;

namespace Switchboard.Server.Members;

public static class MembersApi
{
    public static RouteGroupBuilder MapMembersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/members").WithTags("Members").ProducesProblems().RequireAuthorization(Policies.Team);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        group.MapPatch("/{id:long}", UpdateAsync).RequireAuthorization(Policies.Admin);
        return group;
    }

    public static async Task<Ok<ItemsResponse<MemberResponse>>> ListAsync(HttpContext http, MemberService members, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<MemberResponse>(await members.ListAsync(Caller.From(http.User), cancellationToken), null));

    public static async Task<Ok<MemberResponse>> GetAsync(long id, HttpContext http, MemberService members, CancellationToken cancellationToken) =>
        await members.GetAsync(Caller.From(http.User), id, cancellationToken) is { } member
            ? TypedResults.Ok(member)
            : throw new DomainException("member_not_found", "No such member.", DomainErrorKind.NotFound);

    public static async Task<Created<WriteResponse<CreatedMemberResponse>>> CreateAsync(CreateMemberRequest request, HttpContext http, MemberService members, CancellationToken cancellationToken)
    {
        var (created, seq) = await members.CreateAsync(Caller.From(http.User), request, cancellationToken);
        return TypedResults.Created($"/api/v1/members/{created.Member.Id}", new WriteResponse<CreatedMemberResponse>(created, seq));
    }

    public static async Task<Ok<WriteResponse<MemberResponse>>> UpdateAsync(long id, UpdateMemberRequest request, HttpContext http, MemberService members, CancellationToken cancellationToken)
    {
        var (member, seq) = await members.UpdateAsync(Caller.From(http.User), id, request, cancellationToken);
        return TypedResults.Ok(new WriteResponse<MemberResponse>(member, seq));
    }
}
