using Microsoft.AspNetCore.Connections;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Closes TCP connections beyond the process's descriptor budget as soon as they are accepted, instead of letting
/// the process run out of descriptors. Kestrel's own MaxConcurrentConnections does not count upgraded (WebSocket)
/// connections, so one counter over every connection is kept here. Streams are refused far earlier, with a 503,
/// by the realtime <c>ConnectionLimiter</c>; this is the floor under everything else.
/// </summary>
public static class ConnectionBudget
{
    public static WebApplicationBuilder AddConnectionBudget(this WebApplicationBuilder builder)
    {
        if (OpenFilesLimit.ConnectionBudget() is not { } budget) return builder;
        var open = 0;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => async connection =>
        {
            if (Interlocked.Increment(ref open) > budget)
            {
                Interlocked.Decrement(ref open);
                connection.Abort(new ConnectionAbortedException("The process is at its connection budget."));
                return;
            }
            try
            {
                await next(connection);
            }
            finally
            {
                Interlocked.Decrement(ref open);
            }
        })));
        return builder;
    }
}
