using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Auth;
using Switchboard.Server.Realtime;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Realtime;

public sealed class StreamConnectionTests
{
    /// <summary>
    /// TestServer runs RequestAborted callbacks on the thread that hangs up, and whatever Close sets off can end the
    /// stream right there; the connection is then disposed under its own callback, where
    /// CancellationTokenRegistration.Dispose cannot wait for it. Here the stream ends inside Close deterministically:
    /// a listener of the disconnect counter (which Close reports to, inline) disposes the connection.
    /// </summary>
    [Theory]
    [InlineData("abort")]
    [InlineData("shutdown")]
    public void AConnectionDisposedUnderItsOwnCallbackDoesNotThrowIntoTheCancellingThread(string cause)
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var aborted = new CancellationTokenSource();
        using var stopping = new CancellationTokenSource();
        StreamConnection? connection = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "switchboard.realtime.disconnects") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => connection?.Dispose());
        listener.Start();
        connection = Open(meters, new RealtimeOptions(), TimeProvider.System, aborted.Token, stopping.Token);

        // Cancel() runs the callbacks here and throws an AggregateException if one of them throws.
        if (cause == "abort") aborted.Cancel();
        else stopping.Cancel();

        Assert.Equal(cause == "abort" ? DisconnectReasons.ClientClosed : DisconnectReasons.Shutdown, connection.CloseReason);
    }

    [Fact]
    public void AClosingStreamIsCutOffWhenItsCloseTimeoutRunsOutAndAnOpenOneNever()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var clock = new ManualClock();
        var options = new RealtimeOptions { CloseTimeout = TimeSpan.FromSeconds(5) };
        using var connection = Open(services.GetRequiredService<IMeterFactory>(), options, clock, CancellationToken.None, CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(1));
        Assert.False(connection.Writing.IsCancellationRequested);

        connection.Close(DisconnectReasons.Shutdown);
        clock.Advance(options.CloseTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(connection.Writing.IsCancellationRequested);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(connection.Writing.IsCancellationRequested);
    }

    static StreamConnection Open(IMeterFactory meters, RealtimeOptions options, TimeProvider clock, CancellationToken aborted, CancellationToken stopping) =>
        new("sse", new Caller(CallerKind.Member, 1, Roles.Admin, 1, null, null, "Ada"), options, new RealtimeMetrics(meters), clock, aborted, stopping);
}
