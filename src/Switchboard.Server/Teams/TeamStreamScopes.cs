using Switchboard.Server.Auth;
using Switchboard.Server.Realtime;
using Switchboard.Server.Storage;

namespace Switchboard.Server.Teams;

/// <summary>
/// The streams' view of a viewer's scope, read through this feature's store: an operator's teams as of now (not as of
/// the request's sign-in check) and each inbox's team, in one read.
/// </summary>
public sealed class TeamStreamScopes(Database database) : IStreamScopes
{
    public Task<StreamScope> ForAsync(Caller caller, CancellationToken cancellationToken) =>
        caller.TeamIds is null || caller.MemberId is not { } memberId
            ? Task.FromResult(StreamScope.All)
            : database.ReadAsync(async (c, tx) => new StreamScope(
                await TeamStore.TeamsOfAsync(c, tx, memberId, cancellationToken),
                await TeamStore.InboxTeamsAsync(c, tx, caller.WorkspaceId, cancellationToken)), cancellationToken);
}
