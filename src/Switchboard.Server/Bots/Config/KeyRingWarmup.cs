using Microsoft.AspNetCore.DataProtection;

namespace Switchboard.Server.Bots.Config;

/// <summary>
/// Loads (on a new database: creates) the Data Protection key ring while the host starts, after the migrations, so
/// the first key is written before the node serves anything rather than at some later moment in the background.
/// </summary>
sealed class KeyRingWarmup(IDataProtectionProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.Run(() => provider.CreateProtector("Switchboard.KeyRingWarmup").Protect("ready"), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
