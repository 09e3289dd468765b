using Switchboard.Server.Auth;

namespace Switchboard.Server.Realtime;

/// <summary>Reads a stream viewer's <see cref="StreamScope"/>: implemented by the teams feature, so the stream machinery imports no feature.</summary>
public interface IStreamScopes
{
    /// <summary>The caller's scope as of now (read after the stream's start position, so no team change can fall between).</summary>
    Task<StreamScope> ForAsync(Caller caller, CancellationToken cancellationToken);
}
